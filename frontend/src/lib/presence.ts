import type { ArticleContent } from './types';

export type PresenceMode = 'EDITING' | 'VIEWING';

/** One tab with the article open (the server's PresenceRecords.Person). */
export interface PresencePerson {
  username: string;
  displayName: string;
  mode: PresenceMode;
  /** When they began editing (EDITING) or opened the article (VIEWING). */
  since: string;
  /** This tab. */
  you: boolean;
}

export interface PresenceView {
  articleId: string;
  editor: PresencePerson | null;
  people: PresencePerson[];
  you: { mode: PresenceMode; takenOverBy: string | null; takenOverByName: string | null; takenOverAt: string | null } | null;
}

/**
 * This tab and the article's edit lock:
 * - `joining`: not known yet;
 * - `editing`: this tab holds the lock;
 * - `asked`: someone else edits; the person is asked whether to open read-only or take over;
 * - `reading`: read-only by choice (someone else may be editing);
 * - `taken`: someone took over from this tab; read-only, told who and when;
 * - `cannot-edit`: the person may not edit the article now anyway (only shown as present).
 */
export type LockState =
  | { kind: 'joining' }
  | { kind: 'editing' }
  | { kind: 'asked'; editor: PresencePerson }
  | { kind: 'reading' }
  | { kind: 'taken'; byName: string; at: string }
  | { kind: 'cannot-edit' };

export type LockEvent =
  | { type: 'joined-editing' }
  | { type: 'refused'; editor: PresencePerson }
  | { type: 'cannot-edit' }
  | { type: 'chose-read-only' }
  | { type: 'took-over' }
  | { type: 'view'; view: PresenceView }
  | { type: 'lost'; byName: string; at: string };

export const initialLock: LockState = { kind: 'joining' };

export function lockReducer(state: LockState, event: LockEvent): LockState {
  switch (event.type) {
    case 'joined-editing':
    case 'took-over':
      return { kind: 'editing' };
    case 'refused':
      return state.kind === 'taken' ? state : { kind: 'asked', editor: event.editor };
    case 'cannot-edit':
      return { kind: 'cannot-edit' };
    case 'chose-read-only':
      return state.kind === 'asked' ? { kind: 'reading' } : state;
    case 'lost':
      return state.kind === 'editing' ? { kind: 'taken', byName: event.byName, at: event.at } : state;
    case 'view': {
      const you = event.view.you;
      if (state.kind === 'editing' && you && you.mode === 'VIEWING' && you.takenOverAt) {
        return { kind: 'taken', byName: you.takenOverByName ?? you.takenOverBy ?? 'Someone', at: you.takenOverAt };
      }
      // the person being asked sees the dialog follow the editor (or learn they left)
      if (state.kind === 'asked' && event.view.editor && !event.view.editor.you) return { kind: 'asked', editor: event.view.editor };
      return state;
    }
  }
}

/** Whether this tab must not change the article (the lock is someone else's, or was taken). */
export const lockedOut = (state: LockState) => state.kind === 'asked' || state.kind === 'reading' || state.kind === 'taken';

/** The mode this tab reports in its heartbeats. */
export const heartbeatMode = (state: LockState): PresenceMode => (state.kind === 'editing' ? 'EDITING' : 'VIEWING');

/** A tab's session id (a UUID v4); crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newSessionId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const b = random(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** "10:42" in the reader's own time zone (or the one given). */
export function clockTime(iso: string, timeZone?: string): string {
  return new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone });
}

/** The warning's sentence: "Dana Reyes is editing this article since 10:42." (or the person's other tab). */
export function editingSentence(editor: PresencePerson, me: string, timeZone?: string): string {
  const who = editor.username === me ? 'You are' : `${editor.displayName} is`;
  const where = editor.username === me ? ' in another tab or window' : '';
  return `${who} editing this article${where} since ${clockTime(editor.since, timeZone)}.`;
}

/** Everyone else with the article open, one entry per person (their editing tab first), this tab left out. */
export function othersPresent(view: PresenceView | null, me: string): PresencePerson[] {
  if (!view) return [];
  const seen = new Map<string, PresencePerson>();
  for (const person of view.people) {
    if (person.you) continue;
    const key = person.username === me ? `${me}:other-tab` : person.username;
    const known = seen.get(key);
    if (!known || (person.mode === 'EDITING' && known.mode !== 'EDITING')) seen.set(key, person);
  }
  return [...seen.values()].sort((a, b) => (a.mode === b.mode ? 0 : a.mode === 'EDITING' ? -1 : 1));
}

/** "DR" for Dana Reyes, "A" for alice: the avatar's letters. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? words[0][0] + words[words.length - 1][0] : (words[0] ?? '?')[0];
  return letters.toUpperCase();
}

/** The text fields this person changed and has not saved: kept in view (and copyable) after a take-over. */
export function unsentText(form: ArticleContent, base: ArticleContent): { field: 'headline' | 'dek' | 'body'; label: string; text: string }[] {
  const fields = [
    ['headline', 'Headline'],
    ['dek', 'Dek (standfirst)'],
    ['body', 'Body'],
  ] as const;
  return fields
    .filter(([field]) => (form[field] ?? '') !== (base[field] ?? ''))
    .map(([field, label]) => ({ field, label, text: form[field] ?? '' }));
}
