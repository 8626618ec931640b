import { describe, expect, it } from 'vitest';
import { blankToNull, formatDateTime, fromLocalInput, parseTags, slugify, toLocalInput, xHandle } from './format';

describe('datetime-local round trip', () => {
  it('turns a local input into UTC and back', () => {
    const iso = fromLocalInput('2026-12-01T08:30');
    expect(iso).toMatch(/^2026-12-0[12]T\d\d:30:00\.000Z$/);
    expect(toLocalInput(iso)).toBe('2026-12-01T08:30');
    expect(fromLocalInput('')).toBeNull();
    expect(toLocalInput(null)).toBe('');
  });
});

describe('parseTags', () => {
  it('trims, drops blanks and repeats', () => {
    expect(parseTags('cloud, outage,, Cloud ,  media ')).toEqual(['cloud', 'outage', 'media']);
    expect(parseTags('')).toEqual([]);
  });
});

describe('small helpers', () => {
  it('formats handles and blanks', () => {
    expect(xHandle('JaneDoeNews')).toBe('@JaneDoeNews');
    expect(xHandle('@JaneDoeNews')).toBe('@JaneDoeNews');
    expect(blankToNull('  ')).toBeNull();
    expect(blankToNull('x')).toBe('x');
  });
});

describe('slugify', () => {
  it('makes lowercase words joined by hyphens', () => {
    expect(slugify('Featured: Homepage top!')).toBe('featured-homepage-top');
    expect(slugify('  Café   Société ')).toBe('cafe-societe');
    expect(slugify('---')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('names the time zone of the moment it shows', () => {
    const iso = '2026-12-03T09:00:00Z';
    const zone = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' }).formatToParts(new Date(iso))
      .find((part) => part.type === 'timeZoneName')?.value;
    expect(zone).toBeTruthy();
    expect(formatDateTime(iso).endsWith(zone as string)).toBe(true);
    expect(formatDateTime(iso)).toContain('2026');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a time')).toBe('—');
  });
});
