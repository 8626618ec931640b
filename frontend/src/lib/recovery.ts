/**
 * No lost keystrokes: the article editor keeps what the server has not acknowledged yet in the browser's
 * localStorage, on every change, and offers it back after a crash or a closed tab. The rules live here, without a
 * browser: one record per open editor (so two tabs never overwrite each other), under a key that names the person
 * (people sharing a machine never see or clobber each other's), what a record holds (the edits, the server version they
 * were made on, and that version's content, so that a newer server version is shown beside them instead of being
 * overwritten), and which records a page may offer (those of no open editor: a crashed or closed tab's).
 */
import { sameContent } from './articleForm';
import type { ArticleContent } from './types';

/** What of localStorage is used (a test passes a Map-backed one). */
export interface KeyValueStore {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface UnsentEdits {
  v: 1;
  user: string;
  /** The editor that wrote it (one per open editor page). */
  editor: string;
  /** The article; null for a new article the server has not created yet. */
  articleId: string | null;
  /** The server version the edits were made on (If-Match of their save); null for a new article. */
  baseVersion: number | null;
  /** That version's content, to show what changed on either side when the server moved on. */
  base: ArticleContent;
  /** The edits: the form as the person left it. */
  content: ArticleContent;
  /** When the newest edit was kept (ms since the epoch). */
  savedAt: number;
}

const PREFIX = 'cms.unsent.v1';

/** `cms.unsent.v1/<user>/<editor>`: per person and per open editor. */
export function unsentKey(user: string, editor: string): string {
  return `${PREFIX}/${encodeURIComponent(user)}/${encodeURIComponent(editor)}`;
}

/** The Web Lock an open editor holds while its page lives: a crashed or closed tab lets go of it. */
export const editorLockName = (key: string) => `${key}#open`;

function userPrefix(user: string): string {
  return `${PREFIX}/${encodeURIComponent(user)}/`;
}

function isContent(value: unknown): value is ArticleContent {
  const c = value as ArticleContent;
  return !!c && typeof c === 'object' && typeof c.headline === 'string' && Array.isArray(c.tags) && Array.isArray(c.byline);
}

/** The record under `key`, if it is one of `user`'s and readable (anything else is ignored, never shown). */
export function readUnsent(store: KeyValueStore, key: string, user: string): UnsentEdits | null {
  let raw: string | null;
  try {
    raw = store.getItem(key);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const r = JSON.parse(raw) as UnsentEdits;
    if (r?.v !== 1 || r.user !== user || typeof r.editor !== 'string' || typeof r.savedAt !== 'number') return null;
    if (!isContent(r.base) || !isContent(r.content)) return null;
    if (r.articleId !== null && typeof r.articleId !== 'string') return null;
    return r;
  } catch {
    return null;
  }
}

/** Every record of `user`, with its key. */
export function listUnsent(store: KeyValueStore, user: string): { key: string; edits: UnsentEdits }[] {
  const found: { key: string; edits: UnsentEdits }[] = [];
  const prefix = userPrefix(user);
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(prefix)) continue;
    const edits = readUnsent(store, key, user);
    if (edits) found.push({ key, edits });
  }
  return found;
}

/**
 * Keeps the edits; when the store is full, drops this person's oldest records of no open editor and tries once more.
 * False when they could not be kept (the page says so).
 */
export function keepUnsent(store: KeyValueStore, key: string, edits: UnsentEdits, openKeys: ReadonlySet<string> = new Set()): boolean {
  const text = JSON.stringify(edits);
  try {
    store.setItem(key, text);
    return true;
  } catch {
    const others = listUnsent(store, edits.user)
      .filter((r) => r.key !== key && !openKeys.has(r.key))
      .sort((a, b) => a.edits.savedAt - b.edits.savedAt);
    others.slice(0, Math.max(1, Math.ceil(others.length / 2))).forEach((r) => forgetUnsent(store, r.key));
    try {
      store.setItem(key, text);
      return true;
    } catch {
      return false;
    }
  }
}

export function forgetUnsent(store: KeyValueStore, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // a store that cannot be written has nothing of ours to forget
  }
}

/** Records older than this are dropped when an editor opens (a month: long past any crash worth recovering). */
export const KEEP_FOR_MS = 30 * 24 * 3600 * 1000;

export function pruneUnsent(store: KeyValueStore, user: string, now = Date.now()): void {
  listUnsent(store, user)
    .filter((r) => now - r.edits.savedAt > KEEP_FOR_MS)
    .forEach((r) => forgetUnsent(store, r.key));
}

/**
 * The records an editor page may offer back for `articleId` (null: a new article): this person's, of that article, of
 * no open editor (`openKeys`: those whose lock some tab holds), with edits in them; newest first.
 */
export function orphans(store: KeyValueStore, user: string, articleId: string | null, openKeys: ReadonlySet<string>, ownKey: string): { key: string; edits: UnsentEdits }[] {
  return listUnsent(store, user)
    .filter((r) => r.key !== ownKey && !openKeys.has(r.key) && r.edits.articleId === articleId && !sameContent(r.edits.content, r.edits.base))
    .sort((a, b) => b.edits.savedAt - a.edits.savedAt);
}

/** What the page offers for a record found on opening the article. */
export type RecoveryOffer =
  /** Nothing to offer: no record, or it holds what the server has now (its save did arrive). */
  | { kind: 'none' }
  /** The edits were made on the version the server still has: restoring them and saving changes nothing of anyone's. */
  | { kind: 'restore'; edits: UnsentEdits }
  /** The server moved on since: both are shown, field by field, and the person chooses. */
  | { kind: 'diverged'; edits: UnsentEdits };

export function recoveryOffer(edits: UnsentEdits | null, server: { content: ArticleContent; version: number | null } | null): RecoveryOffer {
  if (!edits || sameContent(edits.content, edits.base)) return { kind: 'none' };
  if (!server) return { kind: 'restore', edits }; // a new article: nothing on the server to differ from
  if (sameContent(edits.content, server.content)) return { kind: 'none' };
  if (edits.baseVersion !== null && edits.baseVersion === server.version) return { kind: 'restore', edits };
  return { kind: 'diverged', edits };
}

/** "14:32" today, "Tue 1 Dec, 14:32" another day. */
export function whenKept(savedAt: number, now = Date.now(), locale?: string): string {
  const at = new Date(savedAt);
  const today = new Date(now);
  const sameDay = at.getFullYear() === today.getFullYear() && at.getMonth() === today.getMonth() && at.getDate() === today.getDate();
  return sameDay
    ? at.toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' })
    : at.toLocaleString(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
}

/** The offer in words, for the banner above the editor. */
export function describeOffer(offer: RecoveryOffer, now = Date.now(), locale?: string): string {
  if (offer.kind === 'none') return '';
  const when = whenKept(offer.edits.savedAt, now, locale);
  const what = offer.edits.articleId ? 'unsaved changes' : `an unsaved new article${offer.edits.content.headline.trim() ? ` (“${offer.edits.content.headline.trim()}”)` : ''}`;
  if (offer.kind === 'restore') return `You have ${what} from ${when}, kept in this browser: the page closed before ${offer.edits.articleId ? 'they were' : 'it was'} saved.`;
  return `You have ${what} from ${when}, kept in this browser. The article has been saved since then, so your changes were made on an older version: compare the two and choose, field by field, what to keep.`;
}
