import { describe, expect, it } from 'vitest';
import { parseEtag, query } from './api';

describe('parseEtag', () => {
  it('reads strong and weak tags', () => {
    expect(parseEtag('"3"')).toBe(3);
    expect(parseEtag('W/"12"')).toBe(12);
    expect(parseEtag(null)).toBeNull();
    expect(parseEtag('"abc"')).toBeNull();
  });
});

describe('query', () => {
  it('keeps only set values', () => {
    expect(query({ q: 'cloud outage', status: '', mine: false, page: 0, tag: undefined })).toBe('?q=cloud+outage&page=0');
    expect(query({ mine: true })).toBe('?mine=true');
    expect(query({})).toBe('');
  });
});
