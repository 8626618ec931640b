import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../problem';
import {
  cellOf,
  dropTime,
  entriesFrom,
  moveFailure,
  moveHint,
  moveProblem,
  moveRequest,
  placeEntries,
  shiftWeek,
  startOfWeek,
  weekDays,
  weekFromParam,
  weekParam,
  weekTitle as title,
  weekWindow,
  type ArticleScheduleEntry,
  type CalendarEntry,
  type ListScheduleEntry,
} from './calendar';

// The reader's time zone decides the grid: Berlin, whose clocks go back on 25 October 2026.
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
const originalTz = env.TZ;
beforeAll(() => {
  env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  env.TZ = originalTz;
});

const article = (over: Partial<ArticleScheduleEntry> = {}): ArticleScheduleEntry => ({
  kind: 'publish',
  articleId: 'a1',
  slug: 'budget',
  headline: 'Budget vote',
  status: 'SCHEDULED',
  live: false,
  at: '2026-12-08T08:30:00Z',
  version: 7,
  owner: 'alice',
  mayReschedule: true,
  ...over,
});

const list = (over: Partial<ListScheduleEntry> = {}): ListScheduleEntry => ({
  slug: 'evening',
  title: 'Evening picks',
  at: '2026-12-09T17:00:00Z',
  scheduledBy: 'carl',
  version: 12,
  draftVersion: 4,
  draftItems: 3,
  liveRevision: null,
  mayReschedule: true,
  ...over,
});

describe('weeks in the reader’s time zone', () => {
  it('start on Monday at local midnight, whatever day is asked', () => {
    const start = startOfWeek(new Date(2026, 11, 10, 15, 0)); // Thursday 10 December
    expect(weekParam(start)).toBe('2026-12-07');
    expect(start.getHours()).toBe(0);
    expect(weekParam(startOfWeek(new Date(2026, 11, 13, 23, 59)))).toBe('2026-12-07'); // Sunday belongs to it
    expect(weekParam(startOfWeek(new Date(2026, 11, 14, 0, 0)))).toBe('2026-12-14');
  });

  it('ask the services for the week as UTC instants of the local midnights', () => {
    expect(weekWindow(weekFromParam('2026-12-07'))).toEqual({ from: '2026-12-06T23:00:00.000Z', to: '2026-12-13T23:00:00.000Z' });
    // the week the clocks go back is 169 hours long, and still seven days from midnight to midnight
    expect(weekWindow(weekFromParam('2026-10-19'))).toEqual({ from: '2026-10-18T22:00:00.000Z', to: '2026-10-25T23:00:00.000Z' });
    expect(weekDays(weekFromParam('2026-10-19')).map((d) => d.getDate())).toEqual([19, 20, 21, 22, 23, 24, 25]);
  });

  it('read the week from the URL, and fall back to this week on anything else', () => {
    expect(weekParam(weekFromParam('2026-12-09'))).toBe('2026-12-07');
    const today = new Date(2026, 11, 2, 10);
    expect(weekParam(weekFromParam('2026-02-30', today))).toBe('2026-11-30');
    expect(weekParam(weekFromParam('next week', today))).toBe('2026-11-30');
    expect(weekParam(weekFromParam(null, today))).toBe('2026-11-30');
    expect(weekParam(shiftWeek(weekFromParam('2026-12-28'), 1))).toBe('2027-01-04');
  });

  it('title the week in words, across months and years', () => {
    // Intl sets the dash between thin spaces; the words and their order are what is checked
    const weekTitle = (start: Date, locale: string) => title(start, locale).replace(/\s+/g, ' ');
    expect(weekTitle(weekFromParam('2026-12-07'), 'en-GB')).toBe('7 – 13 December 2026');
    expect(weekTitle(weekFromParam('2026-11-30'), 'en-GB')).toBe('30 November – 6 December 2026');
    expect(weekTitle(weekFromParam('2026-12-28'), 'en-GB')).toBe('28 December 2026 – 3 January 2027');
    // the reader's own order: a month-first locale never reads "7 – December 13, 2026"
    expect(weekTitle(weekFromParam('2026-12-07'), 'en-US')).toBe('December 7 – 13, 2026');
    expect(weekTitle(weekFromParam('2026-11-30'), 'en-US')).toBe('November 30 – December 6, 2026');
  });
});

describe('entries', () => {
  it('come from both services, by time, each linking to its page with the version a move needs', () => {
    const entries = entriesFrom([article(), article({ kind: 'unpublish', articleId: 'a2', headline: 'Road closure', at: '2026-12-07T05:00:00Z', live: true, version: 3 })], [list()]);
    expect(entries.map((e) => [e.key, e.href, e.version])).toEqual([
      ['unpublish:a2', '/articles/a2', 3],
      ['publish:a1', '/articles/a1', 7],
      ['list:evening', '/lists/evening', 4], // publishing a list at a new time takes the draft's version
    ]);
    expect(entries[2].detail).toBe('Featured list · draft of 3 items');
  });

  it('sit in the cell of their local day and hour', () => {
    const start = weekFromParam('2026-12-07');
    expect(cellOf('2026-12-08T08:30:00Z', start)).toEqual({ day: 1, hour: 9 }); // Tuesday 9:30 in Berlin
    expect(cellOf('2026-12-06T22:59:59Z', start)).toBeNull(); // Sunday before, 23:59 local
    expect(cellOf('2026-12-13T22:59:00Z', start)).toEqual({ day: 6, hour: 23 });
    expect(cellOf('2026-12-13T23:00:00Z', start)).toBeNull();
    const cells = placeEntries(entriesFrom([article(), article({ articleId: 'a3', at: '2026-12-08T08:05:00Z' })], []), start);
    expect(cells.get('1:9')?.map((e) => e.key)).toEqual(['publish:a3', 'publish:a1']);
  });
});

describe('the week’s word on moving', () => {
  const mine = entriesFrom([article()], [])[0];
  const notMine = entriesFrom([], [list({ mayReschedule: false })])[0];
  it('says how when every entry may be moved, and nothing for an empty week', () => {
    expect(moveHint([mine])).toBe('Drag an entry by its handle (⠿) to another day or hour, or press the handle to choose a time.');
    expect(moveHint([])).toBeNull();
  });
  it('says why an entry has no handle when some are not the person’s to move', () => {
    expect(moveHint([mine, notMine])).toBe('Drag an entry by its handle (⠿) to another day or hour, or press the handle to choose a time.'
      + ' An entry without a handle is not yours to move: only editors and admins move articles, and curators and admins featured lists.');
    expect(moveHint([notMine])).toBe('Only editors and admins move articles, and curators and admins featured lists.');
  });
});

describe('moving an entry', () => {
  const entry: CalendarEntry = entriesFrom([article()], [])[0];
  const listEntry: CalendarEntry = entriesFrom([], [list()])[0];
  const now = Date.parse('2026-12-08T07:00:00Z');

  it('keeps its minutes on the slot it is dropped on', () => {
    const thursday = weekDays(weekFromParam('2026-12-07'))[3];
    expect(dropTime(entry.at, thursday, 14)).toBe('2026-12-10T13:30:00.000Z');
  });

  it('asks the existing APIs, with the version read as If-Match', () => {
    expect(moveRequest(entry, '2026-12-10T13:30:00.000Z')).toEqual({
      url: '/api/articles/a1/transitions', method: 'POST', body: { action: 'schedule', at: '2026-12-10T13:30:00.000Z' }, ifMatch: 7,
    });
    const expiry = entriesFrom([article({ kind: 'unpublish' })], [])[0];
    expect(moveRequest(expiry, '2026-12-10T13:30:00.000Z').body).toEqual({ action: 'unpublish', at: '2026-12-10T13:30:00.000Z' });
    expect(moveRequest(listEntry, '2026-12-10T13:30:00.000Z')).toEqual({
      url: '/api/lists/evening/publish', method: 'POST', body: { at: '2026-12-10T13:30:00.000Z' }, ifMatch: 4,
    });
  });

  it('refuses the past (a drop on this hour would publish at once), its own time, and people who may not move it', () => {
    expect(moveProblem(entry, '2026-12-08T06:00:00Z', now)).toMatch(/passed/);
    expect(moveProblem(entry, '2026-12-08T07:00:30Z', now)).toMatch(/at least a minute/);
    expect(moveProblem(entry, '2026-12-08T08:30:00.000Z', now)).toBe('That is already its time.');
    expect(moveProblem(entry, null, now)).toBe('Choose the day and time to move it to.');
    expect(moveProblem({ ...entry, movable: false }, '2026-12-09T08:30:00Z', now)).toBe('Only editors and admins move articles.');
    expect(moveProblem({ ...listEntry, movable: false }, '2026-12-09T08:30:00Z', now)).toBe('Only curators and admins move featured lists.');
    expect(moveProblem(entry, '2026-12-09T08:30:00Z', now)).toBeNull();
  });

  it('says a refusal in words, and reloads after a conflict', () => {
    const stale = moveFailure(entry, new ApiError(412, { status: 412, detail: 'Someone changed this since you read it; reload version 9' }));
    expect(stale.reload).toBe(true);
    expect(stale.text).toContain('“Budget vote” was changed by someone else since the calendar was loaded');
    expect(stale.text).not.toMatch(/version/);
    const gone = moveFailure(listEntry, new ApiError(409, { status: 409, detail: 'Cannot schedule an article that is PUBLISHED' }));
    expect(gone).toEqual({ text: '“Evening picks” was not moved: Cannot schedule an article that is PUBLISHED. The calendar now shows what is scheduled.', reload: true });
    const field = moveFailure(entry, new ApiError(400, { status: 400, errors: [{ field: 'at', message: 'must be a time in the future to schedule publishing' }] }));
    expect(field).toEqual({ text: '“Budget vote” was not moved: Choose a time in the future.', reload: false });
    expect(moveFailure(entry, new TypeError('Failed to fetch')).text).toMatch(/cannot be reached/);
  });
});
