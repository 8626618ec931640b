/** Managed tags: the registry as editors keep it, and completing tags in the article editor's comma-separated field. */

import { splitFormErrors } from '../problem';

/** A tag as the editor API sends it (GET /api/tags lists them by name). */
export interface Tag {
  id: string;
  slug: string;
  /** The word articles carry (lowercase). */
  name: string;
  description?: string | null;
  /** How many articles' working copies carry it. */
  articles: number;
  /** Former slugs, and those of tags merged into it: they lead here. */
  aliases: string[];
  version: number;
}

export interface TagList {
  items: Tag[];
  total: number;
}

/** What the tag form holds. */
export interface TagForm {
  name: string;
  slug: string;
  description: string;
}

export function formOf(tag: Tag | null): TagForm {
  return tag ? { name: tag.name, slug: tag.slug, description: tag.description ?? '' } : { name: '', slug: '', description: '' };
}

/** The body of POST/PUT /api/tags: a blank slug is left to the service (derived from the name on create, kept on change). */
export function tagRequest(form: TagForm) {
  return { name: form.name.trim(), slug: form.slug.trim() || null, description: form.description.trim() || null };
}

/** The query of GET /api/tags: a prefix of a name or slug (none: every tag), a page of them. */
export function tagsQuery(q: string, offset = 0, limit = 20): string {
  const params = new URLSearchParams();
  const prefix = q.trim();
  if (prefix) params.set('q', prefix.slice(0, 60));
  if (offset > 0) params.set('offset', String(offset));
  params.set('limit', String(limit));
  return `?${params.toString()}`;
}

/** The tag being typed in a comma-separated tags field: the text after the last comma, trimmed ('' when none). */
export function typedFragment(text: string): string {
  return text.slice(text.lastIndexOf(',') + 1).trim();
}

/** The tags field after choosing `name` for the fragment being typed: the earlier tags kept, ready for the next one. */
export function completeTag(text: string, name: string): string {
  const before = text.slice(0, text.lastIndexOf(',') + 1);
  const kept = before
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return [...kept, name].join(', ') + ', ';
}

/** Suggestions worth showing: not a tag already in the field (compared as the service saves them, lowercased), at most `max`. */
export function suggestions(found: readonly Tag[], text: string, max = 8): Tag[] {
  const fragment = typedFragment(text).toLowerCase();
  const chosen = new Set(
    text
      .slice(0, text.lastIndexOf(',') + 1)
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  );
  return found.filter((t) => !chosen.has(t.name) && t.name !== fragment).slice(0, max);
}

/** The highlighted suggestion after an arrow key: -1 is none (the typed text), and the ends wrap round through it. */
export function stepSuggestion(active: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  const next = active + step;
  return next >= count ? -1 : next < -1 ? count - 1 : next;
}

/** What a merge will do, in words, for the confirmation. */
export function mergeSummary(source: Tag, target: Tag): string {
  const count = source.articles === 1 ? '1 article' : `${source.articles} articles`;
  return (
    `Every article tagged “${source.name}” (${count}) will be tagged “${target.name}” instead, published articles included. ` +
    `Readers following the old address “${source.slug}” will get “${target.name}”, and “${source.name}” will no longer be a tag of its own. This cannot be undone.`
  );
}

/** The fields of the tag forms (edit, merge): a problem about one of these is shown there, and only there. */
const FORM_FIELDS = ['name', 'slug', 'description', 'into'] as const;

/** Words for what the tags API says, as a person reads them beside the field. */
export function tagMessage(field: string, message: string): string {
  if (field === 'name' && /already the name of another tag/.test(message)) return 'Another tag has this name. To combine the two, merge this tag into it.';
  if (field === 'slug' && /already taken/.test(message)) return 'Another tag has (or had) this address. Choose another.';
  if (field === 'slug' && /is reserved/.test(message)) return 'This address is reserved. Choose another.';
  if (field === 'into' && /^no such tag$/.test(message)) return 'There is no tag with this address. Pick one from the list.';
  if (field === 'into' && /is this tag/.test(message)) return 'A tag cannot be merged into itself. Pick another tag.';
  if (/^must be a word or short phrase$/.test(message)) return 'Use letters, digits, spaces and & \' . _ - only, starting with a letter or digit.';
  if (/^must be 1–80 lowercase/.test(message)) return 'Use lowercase letters, digits and single hyphens, like “cloud” or “cloud-computing”.';
  if (/^must not be blank$/.test(message)) return 'This cannot be empty.';
  const sentence = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/**
 * A failed change of a tag, split for showing each thing once: errors of the form's fields at those fields, and a
 * message only for what no field shows (a stale version, a tag in use, the service away).
 */
export function tagFormErrors(
  problem: { errors?: { field: string; message: string }[]; detail?: string } | undefined,
  fallback: string,
): { fields: Record<string, string>; message: string | null } {
  return splitFormErrors(problem, fallback, FORM_FIELDS, tagMessage);
}
