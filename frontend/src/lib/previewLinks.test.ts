import { describe, expect, it } from 'vitest';
import { absoluteUrl, expiryFor, mayShare, previewErrors, revisionOptions, stateWords, type PreviewLink } from './previewLinks';
import type { RevisionSummary } from './types';

const NOW = new Date('2026-12-02T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const local = (d: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

describe('who may share', () => {
  it('lets editors and admins share any article and a writer only their own', () => {
    const article = { owner: 'alice' };
    expect(mayShare({ username: 'erin', roles: ['editor'] }, article)).toBe(true);
    expect(mayShare({ username: 'root', roles: ['admin'] }, article)).toBe(true);
    expect(mayShare({ username: 'alice', roles: ['writer'] }, article)).toBe(true);
    expect(mayShare({ username: 'bob', roles: ['writer'] }, article)).toBe(false);
    expect(mayShare({ username: 'carl', roles: ['curator'] }, article)).toBe(false);
    expect(mayShare({ username: 'alice', roles: ['curator'] }, article)).toBe(false);
  });
});

describe('expiry', () => {
  it('turns a preset into a time that many days ahead', () => {
    expect(expiryFor('7', '', NOW)).toEqual({ expiresAt: new Date(NOW.getTime() + 7 * DAY).toISOString() });
    expect(expiryFor('30', '', NOW)).toEqual({ expiresAt: new Date(NOW.getTime() + 30 * DAY).toISOString() });
    expect(expiryFor('1', '', NOW).expiresAt).toBe('2026-12-03T10:00:00.000Z');
  });

  it('takes a chosen date within 30 days and says in words what is wrong with another', () => {
    const inTwoDays = new Date(NOW.getTime() + 2 * DAY);
    expect(expiryFor('custom', local(inTwoDays), NOW)).toEqual({ expiresAt: new Date(local(inTwoDays)).toISOString() });
    expect(expiryFor('custom', '', NOW).error).toBe('Choose the date and time the link stops working.');
    expect(expiryFor('custom', 'soon', NOW).error).toMatch(/^Enter a date and time/);
    expect(expiryFor('custom', local(new Date(NOW.getTime() - DAY)), NOW).error).toMatch(/^Choose a time in the future/);
    expect(expiryFor('custom', local(new Date(NOW.getTime() + 2 * 60 * 1000)), NOW).error).toMatch(/at least a few minutes/);
    expect(expiryFor('custom', local(new Date(NOW.getTime() + 31 * DAY)), NOW).error).toBe(
      'A preview link lasts at most 30 days; choose an earlier date.',
    );
  });
});

describe('the address', () => {
  it('completes the server’s path with the app’s address and keeps an absolute one', () => {
    expect(absoluteUrl('/preview/abc', 'http://localhost:8080')).toBe('http://localhost:8080/preview/abc');
    expect(absoluteUrl('/preview/abc', 'https://cms.example.com/')).toBe('https://cms.example.com/preview/abc');
    expect(absoluteUrl('https://cms.example.com/preview/abc', 'http://localhost:8080')).toBe('https://cms.example.com/preview/abc');
  });
});

describe('the list', () => {
  const link: PreviewLink = {
    id: '1', revision: 2, label: null, createdBy: 'erin', createdAt: '2026-12-02T10:00:00Z', expiresAt: '2026-12-09T10:00:00Z',
    revokedAt: null, revokedBy: null, state: 'active',
  };
  it('says what a link is now, in words', () => {
    expect(stateWords(link)).toMatch(/^Works until /);
    expect(stateWords({ ...link, state: 'expired' })).toMatch(/^Expired /);
    expect(stateWords({ ...link, state: 'revoked', revokedAt: '2026-12-03T09:00:00Z', revokedBy: 'alice' })).toMatch(/^Revoked by alice, /);
  });

  it('offers the revisions newest first, marking the current and the live one', () => {
    const revisions = [
      { number: 1, author: 'alice', createdAt: '2026-12-01T09:00:00Z', live: true, working: false, headline: 'A' },
      { number: 2, author: 'erin', createdAt: '2026-12-02T09:00:00Z', updatedAt: '2026-12-02T09:30:00Z', live: false, working: true, headline: 'B' },
    ] as RevisionSummary[];
    const options = revisionOptions(revisions);
    expect(options.map((o) => o.value)).toEqual([2, 1]);
    expect(options[0].label).toMatch(/^Revision 2 · erin · .+ \(current\)$/);
    expect(options[1].label).toMatch(/^Revision 1 · alice · .+ \(live\)$/);
  });
});

describe('refusals in words', () => {
  it('puts field errors at their fields and the rest in one message', () => {
    expect(previewErrors(400, { errors: [{ field: 'expiresAt', message: 'must be at most 30 days from now: a preview link lasts 30 days at the longest' }] }))
      .toEqual({ fields: { expiresAt: 'A preview link lasts at most 30 days; choose an earlier date.' }, message: null });
    expect(previewErrors(400, { errors: [{ field: 'expiresAt', message: 'must be a time in the future, at least 5 minutes from now' }] }).fields.expiresAt)
      .toBe('Choose a time in the future, at least a few minutes from now.');
    expect(previewErrors(400, { errors: [{ field: 'revision', message: 'no such revision of this article (it has revisions 1 to 3)' }] }).fields.revision)
      .toBe('That revision does not exist; choose one from the list.');
    expect(previewErrors(400, { errors: [{ field: 'label', message: 'size must be between 0 and 100' }] }).fields.label).toBe('Use at most 100 characters.');
    expect(previewErrors(409, { detail: 'This article has 20 preview links that still open; revoke one before making another' }))
      .toEqual({ fields: {}, message: 'This article has 20 preview links that still open; revoke one before making another.' });
    expect(previewErrors(403, { detail: 'Writers share previews of their own articles only' }).message).toMatch(/^You cannot share this article/);
    expect(previewErrors(503, { detail: 'The articles service is unavailable' }).message).toBe('The articles service is unavailable');
  });
});
