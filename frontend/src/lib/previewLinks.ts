/**
 * Preview links (the article editor's "Share preview" panel): who may share, the expiry choices and their checks, the
 * link's address, its state in words, and the server's refusals in words at their fields. Pure logic, tested in
 * previewLinks.test.ts.
 */
import { splitFormErrors, type Problem } from '../problem';
import { formatShort, fromLocalInput } from './format';
import type { RevisionSummary } from './types';

export type PreviewState = 'active' | 'expired' | 'revoked';

/** A link as the article's list shows it (never with its token). */
export interface PreviewLink {
  id: string;
  revision: number;
  label: string | null;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  state: PreviewState;
}

/** The answer to making a link: the only time its address (with the secret token) is ever shown. */
export interface CreatedPreviewLink extends PreviewLink {
  url: string;
  token: string;
}

export const MAX_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;
/** The shortest life the server takes (5 minutes); a little more here, so a slow click is not refused. */
const SHORTEST = 10 * 60 * 1000;

export type Lifetime = '1' | '7' | '30' | 'custom';
export const LIFETIMES: { value: Lifetime; label: string }[] = [
  { value: '1', label: '1 day' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days (the longest)' },
  { value: 'custom', label: 'Until a date I choose' },
];
export const DEFAULT_LIFETIME: Lifetime = '7';

/** The form's fields, as the server names them. */
export const PREVIEW_FIELDS = ['revision', 'expiresAt', 'label'] as const;

/**
 * Editors and admins share any article; a writer shares their own (the server decides again). Curators and other
 * writers see no panel.
 */
export function mayShare(user: { username: string; roles: string[] }, article: { owner: string }): boolean {
  const has = (role: string) => user.roles.includes(role);
  return has('editor') || has('admin') || (has('writer') && article.owner === user.username);
}

/** The expiry to send for a choice (a preset, or the date typed in `custom`), or why it cannot be sent, in words. */
export function expiryFor(choice: Lifetime, custom: string, now: Date = new Date()): { expiresAt?: string; error?: string } {
  if (choice !== 'custom') return { expiresAt: new Date(now.getTime() + Number(choice) * DAY).toISOString() };
  if (!custom) return { error: 'Choose the date and time the link stops working.' };
  const at = fromLocalInput(custom);
  if (!at) return { error: 'Enter a date and time, for example 2026-12-24 18:00.' };
  const time = new Date(at).getTime();
  if (time < now.getTime() + SHORTEST) return { error: 'Choose a time in the future, at least a few minutes from now.' };
  if (time > now.getTime() + MAX_DAYS * DAY) return { error: `A preview link lasts at most ${MAX_DAYS} days; choose an earlier date.` };
  return { expiresAt: at };
}

/** The address to hand out: the server's path completed with this app's own address (the gateway serves both). */
export function absoluteUrl(url: string, origin: string): string {
  return /^https?:\/\//.test(url) ? url : origin.replace(/\/+$/, '') + (url.startsWith('/') ? url : `/${url}`);
}

/** "Works until Dec 9, 10:15 AM", "Expired Dec 9, 10:15 AM", "Revoked by erin, Dec 3, 9:00 AM". */
export function stateWords(link: PreviewLink): string {
  if (link.state === 'revoked') return `Revoked by ${link.revokedBy ?? 'someone'}, ${formatShort(link.revokedAt)}`;
  if (link.state === 'expired') return `Expired ${formatShort(link.expiresAt)}`;
  return `Works until ${formatShort(link.expiresAt)}`;
}

export const STATE_LABELS: Record<PreviewState, string> = { active: 'Active', expired: 'Expired', revoked: 'Revoked' };

/** The revisions to choose from, newest first: "Revision 3 · erin · Dec 2, 10:15 AM (current)". */
export function revisionOptions(revisions: RevisionSummary[]): { value: number; label: string }[] {
  return [...revisions]
    .sort((a, b) => b.number - a.number)
    .map((r) => {
      const marks = [r.working ? 'current' : null, r.live ? 'live' : null].filter(Boolean);
      return {
        value: r.number,
        label: `Revision ${r.number} · ${r.author} · ${formatShort(r.updatedAt ?? r.createdAt)}${marks.length ? ` (${marks.join(', ')})` : ''}`,
      };
    });
}

/** A refusal's words for a person, per field ('expiresAt' → sentence) and for the rest. */
function wording(field: string, message: string): string {
  const m = message.trim();
  if (field === 'expiresAt') {
    if (/^must be a time in the future/.test(m)) return 'Choose a time in the future, at least a few minutes from now.';
    if (/^must be at most/.test(m)) return `A preview link lasts at most ${MAX_DAYS} days; choose an earlier date.`;
    if (/^cannot read|^expected/.test(m)) return 'Enter a date and time, for example 2026-12-24 18:00.';
  }
  if (field === 'revision') {
    if (/^no such revision/.test(m)) return 'That revision does not exist; choose one from the list.';
    return 'Choose a revision from the list.';
  }
  if (field === 'label' && /^size must be between/.test(m)) return 'Use at most 100 characters.';
  const sentence = m.charAt(0).toUpperCase() + m.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** A failed creation split for the form: errors at the panel's fields, one message for the rest (in words). */
export function previewErrors(status: number, problem: Problem | undefined): { fields: Record<string, string>; message: string | null } {
  if (status === 403) return { fields: {}, message: 'You cannot share this article: editors, admins and its writer can.' };
  if (status === 409) {
    return { fields: {}, message: `${problem?.detail ?? 'This article has too many open preview links'}.`.replace(/\.\.$/, '.') };
  }
  return splitFormErrors(problem, 'The link was not made. Try again.', PREVIEW_FIELDS, wording);
}
