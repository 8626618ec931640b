import { describe, expect, it } from 'vitest';
import {
  checkEmbargoForm,
  embargoBanner,
  embargoFormOf,
  embargoHolds,
  embargoRequest,
  expiryProblem,
  expiryText,
  heldSchedule,
  liftInput,
  parseUserNames,
  publishRefusal,
  scheduleFloor,
  scheduleProblem,
  whoMayOpen,
} from './embargo';
import { formatDateTime, toLocalInput } from './format';
import { fieldErrors, plainMessage } from '../problem';
import type { Embargo } from './types';

const NOW = Date.parse('2026-12-02T10:00:00Z');
const embargo = (until: string, users: string[] = ['erin'], roles: string[] = ['editor']): Embargo => ({ until, access: { users, roles }, setBy: 'erin' });

describe('embargoHolds', () => {
  it('holds until its time and not after', () => {
    expect(embargoHolds(embargo('2026-12-02T10:00:01Z'), NOW)).toBe(true);
    expect(embargoHolds(embargo('2026-12-02T10:00:00Z'), NOW)).toBe(false);
    expect(embargoHolds(null, NOW)).toBe(false);
  });
});

describe('who may open it', () => {
  it('names the writer, the people, the roles and admins once each', () => {
    expect(whoMayOpen(embargo('2026-12-03T09:00:00Z', ['erin', 'bob'], ['editor', 'curator']), 'alice')).toBe(
      'alice (the writer), erin, bob, editors, curators and admins',
    );
    expect(whoMayOpen(embargo('2026-12-03T09:00:00Z', ['alice'], ['admin']), 'alice')).toBe('alice (the writer) and admins');
  });

  it('says it in one banner with the lift in local time', () => {
    const e = embargo('2026-12-03T09:00:00Z', ['erin'], ['editor']);
    expect(embargoBanner(e, 'alice')).toBe(`Embargoed until ${formatDateTime(e.until)} — only alice (the writer), erin, editors and admins can open it.`);
  });
});

describe('the embargo form', () => {
  it('reads user names as people type them', () => {
    expect(parseUserNames(' bob, @Carl  dana,bob;; ')).toEqual(['bob', 'carl', 'dana']);
    expect(parseUserNames('')).toEqual([]);
  });

  it('starts open to the editors, and shows an embargo without the person looking at it', () => {
    expect(embargoFormOf(null)).toEqual({ until: '', users: '', roles: ['editor'] });
    const form = embargoFormOf(embargo('2026-12-03T09:00:00Z', ['erin', 'bob'], ['curator']), 'erin');
    expect(form).toEqual({ until: toLocalInput('2026-12-03T09:00:00Z'), users: 'bob', roles: ['curator'] });
  });

  it('says what is wrong at the field, in words', () => {
    expect(checkEmbargoForm({ until: '', users: '', roles: [] }, NOW)).toEqual({ until: 'Choose the date and time the embargo lifts.' });
    expect(checkEmbargoForm({ until: toLocalInput('2026-12-02T09:00:00Z'), users: '', roles: [] }, NOW).until).toMatch(/future/);
    const bad = checkEmbargoForm({ until: toLocalInput('2026-12-03T09:00:00Z'), users: 'bob, d!ana', roles: [] }, NOW);
    expect(bad).toEqual({ 'access.users': expect.stringContaining('“d!ana” is not a user name') });
    expect(checkEmbargoForm({ until: toLocalInput('2026-12-03T09:00:00Z'), users: 'bob', roles: ['editor'] }, NOW)).toEqual({});
  });

  it('sends the lift as a UTC time and the names as a list', () => {
    const body = embargoRequest({ until: toLocalInput('2026-12-03T09:00:00Z'), users: 'Bob, carl', roles: ['curator'] });
    expect(body).toEqual({ until: '2026-12-03T09:00:00.000Z', access: { users: ['bob', 'carl'], roles: ['curator'] } });
  });

  it('shows the server\'s refusals at the form\'s fields, in plain words', () => {
    const errors = fieldErrors({
      errors: [
        { field: 'until', message: 'must be a time in the future: the embargo lifts then' },
        { field: 'access.roles[1]', message: 'is not a newsroom role: use writer, editor, curator or admin' },
      ],
    });
    expect(errors).toEqual({ until: 'Choose a time in the future.', 'access.roles': 'Choose editors, curators or writers.' });
  });
});

describe('publishing and scheduling under embargo', () => {
  it('rounds the lift up to the minute a datetime input can hold', () => {
    expect(liftInput('2026-12-03T09:00:00Z')).toBe(toLocalInput('2026-12-03T09:00:00Z'));
    expect(liftInput('2026-12-03T09:00:20Z')).toBe(toLocalInput('2026-12-03T09:01:00Z'));
    expect(scheduleFloor(embargo('2026-12-03T09:00:00Z'), NOW)).toBe(toLocalInput('2026-12-03T09:00:00Z'));
    expect(scheduleFloor(null, NOW)).toBeNull();
  });

  it('explains a refused publish in words, and only an embargo\'s refusal', () => {
    const words = publishRefusal({ embargoedUntil: '2026-12-03T09:00:00Z' });
    expect(words).toBe(`Not published: the embargo lifts ${formatDateTime('2026-12-03T09:00:00Z')}. Schedule it for then or later.`);
    expect(words).not.toContain('cannot be published'); // the banner's rule, not said twice
    expect(publishRefusal({})).toBeNull();
    expect(plainMessage('must be at or after the embargo lifts, 2026-12-03T09:00:00Z')).toBe('Choose the time the embargo lifts, or later.');
  });

  it('takes a publish time at the lift or later, not before', () => {
    const e = embargo('2026-12-03T09:00:00Z');
    expect(scheduleProblem(toLocalInput('2026-12-03T08:59:00Z'), e, NOW)).toMatch(/when the embargo lifts, or later/);
    expect(scheduleProblem(toLocalInput('2026-12-03T09:00:00Z'), e, NOW)).toBeNull();
    expect(scheduleProblem(toLocalInput('2026-12-02T09:00:00Z'), null, NOW)).toBe('Choose a time in the future.');
    expect(scheduleProblem('', null, NOW)).toBe('Choose the date and time to publish.');
  });

  it('says when a schedule waits for the lift', () => {
    const e = embargo('2099-12-03T09:00:00Z');
    expect(heldSchedule('2099-12-03T08:00:00Z', e)).toMatch(/before the embargo lifts: it will publish at the lift/);
    expect(heldSchedule('2099-12-03T09:00:00Z', e)).toBeNull();
    expect(heldSchedule(null, e)).toBeNull();
  });
});

describe('expiry', () => {
  it('takes only a time in the future and says it in words', () => {
    expect(expiryProblem('', NOW)).toMatch(/Choose the date and time/);
    expect(expiryProblem(toLocalInput('2026-12-02T09:00:00Z'), NOW)).toBe('Choose a time in the future.');
    expect(expiryProblem(toLocalInput('2026-12-04T09:00:00Z'), NOW)).toBeNull();
    expect(expiryText('2026-12-04T09:00:00Z')).toBe(`Unpublishes ${formatDateTime('2026-12-04T09:00:00Z')}`);
    expect(expiryText(null)).toBeNull();
  });
});
