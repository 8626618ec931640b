import { formatDateTime, fromLocalInput, toLocalInput } from './format';
import type { Embargo } from './types';

/**
 * Embargoes and expiries in the editor's words. An embargo holds an article back until a time: it cannot be published
 * before, and only its writer, admins and the people and roles it names can open it meanwhile (everyone else gets
 * "not found"). An expiry is the time a live article unpublishes by itself.
 */

/** The roles an embargo can open the article to (admins always may, so they are not offered). */
export const EMBARGO_ROLES: { role: string; label: string }[] = [
  { role: 'editor', label: 'Editors' },
  { role: 'curator', label: 'Curators' },
  { role: 'writer', label: 'Writers' },
];

/** What a new embargo opens the article to when nobody changes it: the editors (as the server does). */
export const DEFAULT_EMBARGO_ROLES = ['editor'];

const USER_NAME = /^[\p{L}\p{N}._@+-]+$/u;

/** Whether the embargo still holds at `now` (one whose time has passed holds nothing). */
export function embargoHolds(embargo: Embargo | null | undefined, now = Date.now()): embargo is Embargo {
  return !!embargo && Date.parse(embargo.until) > now;
}

const ROLE_WORDS: Record<string, string> = { editor: 'editors', curator: 'curators', writer: 'writers', admin: 'admins' };

/** "a, b and c". */
function list(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Who may open the article meanwhile, in words: the writer, the named people, the roles, and admins (always). */
export function whoMayOpen(embargo: Embargo, owner: string): string {
  const people = [`${owner} (the writer)`, ...embargo.access.users.filter((u) => u !== owner)];
  const roles = embargo.access.roles.filter((r) => r !== 'admin').map((r) => ROLE_WORDS[r] ?? r);
  return list([...people, ...roles, 'admins']);
}

/** The banner over an embargoed article. */
export function embargoBanner(embargo: Embargo, owner: string): string {
  return `Embargoed until ${formatDateTime(embargo.until)} — only ${whoMayOpen(embargo, owner)} can open it.`;
}

/** "bob, @Carl  dana,bob" → ["bob", "carl", "dana"]: user names as Keycloak keeps them (lower case), each once. */
export function parseUserNames(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(/[\s,;]+/)) {
    const name = raw.replace(/^@/, '').trim().toLowerCase();
    if (name) seen.add(name);
  }
  return [...seen];
}

/** The embargo panel's fields: the lift as an <input type="datetime-local"> value, user names as typed, roles ticked. */
export interface EmbargoForm {
  until: string;
  users: string;
  roles: string[];
}

/** The form for an article: its embargo as it is, or an empty one opening to the editors. */
export function embargoFormOf(embargo: Embargo | null | undefined, me?: string): EmbargoForm {
  if (!embargo) return { until: '', users: '', roles: [...DEFAULT_EMBARGO_ROLES] };
  return {
    until: liftInput(embargo.until),
    users: embargo.access.users.filter((u) => u !== me).join(', '),
    roles: embargo.access.roles.filter((r) => r !== 'admin'),
  };
}

/** The problems of the form, at its fields ("until", "access.users"), in plain words; empty when it can be sent. */
export function checkEmbargoForm(form: EmbargoForm, now = Date.now()): Record<string, string> {
  const errors: Record<string, string> = {};
  const until = fromLocalInput(form.until);
  if (!until) errors.until = 'Choose the date and time the embargo lifts.';
  else if (Date.parse(until) <= now) errors.until = 'Choose a time in the future: the embargo lifts then.';
  const bad = parseUserNames(form.users).filter((u) => !USER_NAME.test(u));
  if (bad.length) errors['access.users'] = `“${bad[0]}” is not a user name: use the name people sign in with (letters, digits and . _ @ + -).`;
  return errors;
}

/** PUT /api/articles/{id}/embargo's body. */
export function embargoRequest(form: EmbargoForm): { until: string; access: { users: string[]; roles: string[] } } {
  return { until: fromLocalInput(form.until) ?? '', access: { users: parseUserNames(form.users), roles: form.roles } };
}

/**
 * The lift as an <input type="datetime-local"> value, rounded up to the minute: the input has no seconds, and a time
 * a few seconds before the lift would be refused.
 */
export function liftInput(until: string): string {
  const ms = Date.parse(until);
  if (Number.isNaN(ms)) return '';
  const minute = 60_000;
  return toLocalInput(new Date(Math.ceil(ms / minute) * minute).toISOString());
}

/**
 * The sentence a refused publish shows when an embargo refused it (the problem's `embargoedUntil`); null otherwise.
 * What happened and what to do: the embargo banner above it already says the rule, so it is not said twice.
 */
export function publishRefusal(problem: { embargoedUntil?: string | null } | undefined): string | null {
  if (!problem?.embargoedUntil) return null;
  return `Not published: the embargo lifts ${formatDateTime(problem.embargoedUntil)}. Schedule it for then or later.`;
}

/** A schedule made before the embargo was moved later waits for the lift: the words for it, or null. */
export function heldSchedule(scheduledPublishAt: string | null | undefined, embargo: Embargo | null | undefined): string | null {
  if (!scheduledPublishAt || !embargoHolds(embargo)) return null;
  if (Date.parse(scheduledPublishAt) >= Date.parse(embargo.until)) return null;
  return `Scheduled for ${formatDateTime(scheduledPublishAt)}, before the embargo lifts: it will publish at the lift, ${formatDateTime(embargo.until)}.`;
}

/** The earliest time the schedule dialog may offer: the lift while an embargo holds (else null). */
export function scheduleFloor(embargo: Embargo | null | undefined, now = Date.now()): string | null {
  return embargoHolds(embargo, now) ? liftInput(embargo.until) : null;
}

/** Why a chosen publish time cannot be sent (in plain words), or null. */
export function scheduleProblem(value: string, embargo: Embargo | null | undefined, now = Date.now()): string | null {
  const when = fromLocalInput(value);
  if (!when) return 'Choose the date and time to publish.';
  if (Date.parse(when) <= now) return 'Choose a time in the future.';
  if (embargoHolds(embargo, now) && Date.parse(when) < Date.parse(embargo.until)) {
    return `Choose ${formatDateTime(embargo.until)}, when the embargo lifts, or later.`;
  }
  return null;
}

/** Why an unpublish time cannot be sent, or null. */
export function expiryProblem(value: string, now = Date.now()): string | null {
  const when = fromLocalInput(value);
  if (!when) return 'Choose the date and time the article stops being public.';
  if (Date.parse(when) <= now) return 'Choose a time in the future.';
  return null;
}

/** "Unpublishes Dec 3, 2026, 2:00 PM", or null without an expiry. */
export function expiryText(scheduledUnpublishAt: string | null | undefined): string | null {
  return scheduledUnpublishAt ? `Unpublishes ${formatDateTime(scheduledUnpublishAt)}` : null;
}
