/**
 * The planning calendar's rules, without a browser: weeks in the reader's own time zone (Monday first), entries from
 * the two schedule reads (articles: publishes and expiries; curation: list publishes), where each sits in the week's
 * grid of days and hours, what a move to another slot asks of which API (with which If-Match), and what to say when
 * a move is refused.
 */
import { ApiError, fieldErrors } from '../problem';
import type { ArticleStatus } from './types';

/** `GET /api/articles/schedule` entries. */
export interface ArticleScheduleEntry {
  kind: 'publish' | 'unpublish';
  articleId: string;
  slug: string | null;
  headline: string;
  status: ArticleStatus;
  live: boolean;
  at: string;
  version: number;
  owner: string;
  mayReschedule: boolean;
}

/** `GET /api/lists/schedule` entries. */
export interface ListScheduleEntry {
  slug: string;
  title: string;
  at: string;
  scheduledBy: string | null;
  version: number;
  draftVersion: number;
  draftItems: number;
  liveRevision: number | null;
  mayReschedule: boolean;
}

export interface SchedulePage<T> {
  from: string;
  to: string;
  items: T[];
  truncated?: boolean;
}

export type EntryKind = 'publish' | 'unpublish' | 'list';

/** One thing on the calendar, whatever service it comes from. */
export interface CalendarEntry {
  /** Unique on the page: kind and id. */
  key: string;
  kind: EntryKind;
  /** The instant it happens (ISO). */
  at: string;
  title: string;
  /** The editor app's page of the article or list. */
  href: string;
  /** What the person may do with it: move it (drag or "Move to…"). */
  movable: boolean;
  /** The version a move sends as If-Match (an article's ETag; a list's draft ETag: publishing takes that). */
  version: number;
  /** Article id or list slug. */
  id: string;
  /** A word about its state: "Scheduled", "Live", "draft of 4 items". */
  detail: string;
}

export const KIND_LABELS: Record<EntryKind, string> = {
  publish: 'Publishes',
  unpublish: 'Unpublishes',
  list: 'List publishes',
};

export function entriesFrom(articles: readonly ArticleScheduleEntry[], lists: readonly ListScheduleEntry[]): CalendarEntry[] {
  const entries: CalendarEntry[] = [
    ...articles.map((a) => ({
      key: `${a.kind}:${a.articleId}`,
      kind: a.kind,
      at: a.at,
      title: a.headline,
      href: `/articles/${a.articleId}`,
      movable: a.mayReschedule,
      version: a.version,
      id: a.articleId,
      detail: a.kind === 'unpublish' ? 'Live until then' : a.live ? 'Live · changes scheduled' : 'Scheduled',
    })),
    ...lists.map((l) => ({
      key: `list:${l.slug}`,
      kind: 'list' as const,
      at: l.at,
      title: l.title,
      href: `/lists/${l.slug}`,
      movable: l.mayReschedule,
      version: l.draftVersion,
      id: l.slug,
      detail: `Featured list · draft of ${l.draftItems} ${l.draftItems === 1 ? 'item' : 'items'}`,
    })),
  ];
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.key.localeCompare(b.key));
}

/**
 * What the week's summary says about moving entries: how, when the person may move some; why an entry has no handle,
 * when some or all are not theirs to move (null for an empty week).
 */
export function moveHint(entries: readonly CalendarEntry[]): string | null {
  if (entries.length === 0) return null;
  const why = 'only editors and admins move articles, and curators and admins featured lists.';
  const movable = entries.filter((e) => e.movable).length;
  if (movable === 0) return `${why.charAt(0).toUpperCase()}${why.slice(1)}`;
  const how = 'Drag an entry by its handle (⠿) to another day or hour, or press the handle to choose a time.';
  return movable === entries.length ? how : `${how} An entry without a handle is not yours to move: ${why}`;
}

/** Local midnight of the Monday of the week `date` falls in. */
export function startOfWeek(date: Date): Date {
  const start = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const fromMonday = (start.getDay() + 6) % 7;
  start.setDate(start.getDate() - fromMonday);
  return start;
}

/** The seven local days of the week starting at `start` (each at local midnight; a DST day is 23 or 25 hours). */
export function weekDays(start: Date): Date[] {
  return Array.from({ length: 7 }, (_, i) => new Date(start.getFullYear(), start.getMonth(), start.getDate() + i));
}

/** The week `weeks` weeks after the one starting at `start`. */
export function shiftWeek(start: Date, weeks: number): Date {
  return new Date(start.getFullYear(), start.getMonth(), start.getDate() + 7 * weeks);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-12-07`: the week's Monday as the URL keeps it. */
export function weekParam(start: Date): string {
  return `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`;
}

/** The week a `?week=` value names (any day of it), or the current week when it names none. */
export function weekFromParam(value: string | null | undefined, today = new Date()): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (match) {
    const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    if (day.getFullYear() === Number(match[1]) && day.getMonth() === Number(match[2]) - 1 && day.getDate() === Number(match[3])) {
      return startOfWeek(day);
    }
  }
  return startOfWeek(today);
}

/** The window the week asks the services for: from its Monday's local midnight to the next Monday's. */
export function weekWindow(start: Date): { from: string; to: string } {
  return { from: start.toISOString(), to: shiftWeek(start, 1).toISOString() };
}

/** The grid cell (day of the week 0–6, local hour 0–23) an instant falls in; null outside the week. */
export function cellOf(at: string, start: Date): { day: number; hour: number } | null {
  const when = new Date(at);
  if (Number.isNaN(when.getTime())) return null;
  const days = weekDays(start);
  for (let day = 6; day >= 0; day--) {
    if (when >= days[day]) {
      return when < shiftWeek(start, 1) ? { day, hour: when.getHours() } : null;
    }
  }
  return null;
}

/** Entries by cell key `day:hour`, each cell in time order. */
export function placeEntries(entries: readonly CalendarEntry[], start: Date): Map<string, CalendarEntry[]> {
  const cells = new Map<string, CalendarEntry[]>();
  for (const entry of entries) {
    const cell = cellOf(entry.at, start);
    if (!cell) continue;
    const key = `${cell.day}:${cell.hour}`;
    cells.set(key, [...(cells.get(key) ?? []), entry]);
  }
  return cells;
}

/**
 * The new time of an entry dropped on a slot: that day and hour in the reader's time zone, keeping the entry's minutes
 * (a 9:30 publish dropped on Thursday 14:00 moves to Thursday 14:30).
 */
export function dropTime(entryAt: string, day: Date, hour: number): string {
  const minutes = new Date(entryAt).getMinutes();
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), hour, minutes).toISOString();
}

/** A move is at least this far ahead: a drop on the current hour's slot must not publish (or unpublish) at once. */
export const MIN_LEAD_MS = 60_000;

/** Why a move to `to` cannot be asked for (in words), or null when it can. */
export function moveProblem(entry: CalendarEntry, to: string | null, now = Date.now()): string | null {
  if (!entry.movable) {
    return entry.kind === 'list' ? 'Only curators and admins move featured lists.' : 'Only editors and admins move articles.';
  }
  if (!to || Number.isNaN(Date.parse(to))) return 'Choose the day and time to move it to.';
  if (Date.parse(to) === Date.parse(entry.at)) return 'That is already its time.';
  if (Date.parse(to) < now + MIN_LEAD_MS) return 'Choose a time at least a minute from now: that time has passed.';
  return null;
}

/** The call a move makes: the existing APIs, with the version the calendar read as If-Match. */
export interface MoveRequest {
  url: string;
  method: 'POST';
  body: Record<string, string>;
  ifMatch: number;
}

export function moveRequest(entry: CalendarEntry, to: string): MoveRequest {
  switch (entry.kind) {
    case 'publish':
      return { url: `/api/articles/${entry.id}/transitions`, method: 'POST', body: { action: 'schedule', at: to }, ifMatch: entry.version };
    case 'unpublish':
      return { url: `/api/articles/${entry.id}/transitions`, method: 'POST', body: { action: 'unpublish', at: to }, ifMatch: entry.version };
    case 'list':
      return { url: `/api/lists/${entry.id}/publish`, method: 'POST', body: { at: to }, ifMatch: entry.version };
  }
}

/** What to say when a move was refused; `reload`: the calendar shows what is true now before anything else. */
export function moveFailure(entry: CalendarEntry, error: unknown): { text: string; reload: boolean } {
  const what = `“${entry.title}”`;
  if (error instanceof ApiError) {
    if (error.status === 412) {
      return {
        text: `${what} was changed by someone else since the calendar was loaded, so it was not moved. The calendar now shows the latest times; try again if it still needs moving.`,
        reload: true,
      };
    }
    if (error.status === 409) {
      return { text: `${what} was not moved: ${error.problem?.detail ?? 'its state changed'}. The calendar now shows what is scheduled.`, reload: true };
    }
    if (error.status === 403) return { text: `You may not move ${what}.`, reload: false };
    if (error.status === 404) return { text: `${what} no longer exists. The calendar now shows what is scheduled.`, reload: true };
    const byField = fieldErrors(error.problem);
    if (byField.at) return { text: `${what} was not moved: ${byField.at}`, reload: false };
    return { text: `${what} was not moved: ${error.message}`, reload: false };
  }
  return { text: `${what} was not moved: the server cannot be reached. Check your connection and try again.`, reload: false };
}

/** The reader's time zone by name ("Europe/Berlin"), for the page to say which times it shows. */
export function timeZoneName(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'your local time';
  } catch {
    return 'your local time';
  }
}

/**
 * The week as the reader's locale writes a range of dates: "December 7 – 13, 2026" (en-US), "7 – 13 December 2026"
 * (en-GB), "28 December 2026 – 3 January 2027" (Intl's formatRange: each locale's own order and what it leaves out).
 */
export function weekTitle(start: Date, locale?: string): string {
  const end = weekDays(start)[6];
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).formatRange(start, end);
}

/** "14:30" or "2:30 PM", as the reader's locale writes times. */
export function timeOf(at: string, locale?: string): string {
  return new Date(at).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
}

/** Whether two dates are the same local day. */
export function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}
