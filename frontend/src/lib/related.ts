/**
 * Related articles chosen by hand: the ordered list of article ids the editor keeps with the article (saved with it,
 * at most ten, each once, never the article itself), what the search offers to add, and the words the panel shows.
 * Readers get the published ones first, in this order, then articles sharing the section and tags.
 */
import { moveItem } from './reorder';
import type { ArticleSummary } from './types';

/** What the server takes at most (it answers 400 beyond). */
export const RELATED_MAX = 10;

/** Why `id` cannot be added to `related` of article `selfId` (null for a new one), in words; null when it can. */
export function cannotAdd(related: readonly string[], id: string, selfId: string | null): string | null {
  if (selfId && id === selfId) return 'An article cannot be related to itself.';
  if (related.includes(id)) return 'It is already in the list.';
  if (related.length >= RELATED_MAX) return `The list is full: at most ${RELATED_MAX} related articles. Remove one to add another.`;
  return null;
}

/** `related` with `id` added at the end, or as it was when it cannot be added. */
export function addRelated(related: readonly string[], id: string, selfId: string | null): string[] {
  return cannotAdd(related, id, selfId) ? [...related] : [...related, id];
}

export function removeRelated(related: readonly string[], index: number): string[] {
  return related.filter((_, i) => i !== index);
}

/** `related` with the item at `index` moved one place up (-1) or down (+1); as it was at either end. */
export function moveRelated(related: readonly string[], index: number, by: -1 | 1): string[] {
  const to = index + by;
  return to < 0 || to >= related.length ? [...related] : moveItem(related, index, to);
}

/** What the search offers: the results not yet picked and not the article itself, at most `limit`. */
export function relatedCandidates(results: readonly ArticleSummary[], related: readonly string[], selfId: string | null, limit = 8): ArticleSummary[] {
  return results.filter((a) => a.id !== selfId && !related.includes(a.id)).slice(0, limit);
}

/**
 * The line a pick is shown with: its headline, said to be a draft or otherwise not published (readers do not get it
 * until it is), or a placeholder while its headline loads; `null` headline: the article was deleted.
 */
export function relatedLabel(id: string, known: { headline: string; live: boolean } | null | undefined): string {
  if (known === undefined) return `Article ${id.slice(0, 8)}…`;
  if (known === null) return 'A deleted article (it is dropped on the next save)';
  return known.live ? known.headline : `${known.headline} (not published: readers see it once it is)`;
}

/** The ids of `related` whose headline is not known yet (to load them). */
export function unknownIds(related: readonly string[], known: Readonly<Record<string, unknown>>): string[] {
  return related.filter((id) => !(id in known));
}

/** Said after a move, for screen readers. */
export function movedWords(label: string, to: number, length: number): string {
  return `Moved “${label}” to position ${to + 1} of ${length}.`;
}
