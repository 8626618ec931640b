import { fieldKey, plainMessage, type Problem } from '../problem';
import type { HeroImage, ImageRef, ItemWindow, ListItem, Overrides } from './types';

/** What the rail shows of an article when no override is set (its published headline, dek and hero image). */
export interface ArticleCard {
  id: string;
  slug: string;
  headline: string;
  dek?: string | null;
  heroImage?: HeroImage | null;
  live: boolean;
}

export interface RailView {
  headline: string;
  summary: string | null;
  image: ImageRef | null;
  overridden: { headline: boolean; summary: boolean; image: boolean };
}

/**
 * The rail item readers will get, as the curation service resolves it: each override wins over the article's own
 * field; an image override with alt text only describes the article's own image (no image when it has none). A library
 * picture shows at the address it was sent with (its 16:9 crop); `libraryAlt` is its library alt text, the default.
 */
export function railView(item: Pick<ListItem, 'overrides'>, article: ArticleCard | undefined, libraryAlt?: string | null): RailView {
  const o = item.overrides ?? {};
  const hero = article?.heroImage?.url ? { url: article.heroImage.url, alt: article.heroImage.alt ?? '' } : null;
  const library = !!o.image?.mediaId;
  const altOnly = !library && !o.image?.url && !!o.image?.alt;
  const image = library
    ? o.image?.url
      ? { ...o.image, alt: o.image.alt?.trim() || libraryAlt?.trim() || null }
      : null
    : o.image?.url
      ? o.image
      : altOnly
        ? hero
          ? { url: hero.url, alt: o.image!.alt }
          : null
        : hero;
  return {
    headline: o.headline ?? article?.headline ?? 'Loading…',
    summary: o.summary ?? article?.dek ?? null,
    image,
    overridden: { headline: o.headline != null, summary: o.summary != null, image: !!(o.image?.mediaId || o.image?.url || o.image?.alt) },
  };
}

export interface OverrideForm {
  headline: string;
  summary: string;
  /** A picture from the media library ('' or absent for a pasted address, alt text alone, or no image override). */
  imageMediaId?: string;
  /** The pasted address, or the library picture's 16:9 address as the picker (or the server) gave it. */
  imageUrl: string;
  /** A pasted image's alt text, this item's override of a library picture's ('' = the library's), or alone. */
  imageAlt: string;
}

/** The override form of an item as stored. */
export function overrideFormOf(overrides: Overrides | null | undefined): OverrideForm {
  const o = overrides ?? {};
  return { headline: o.headline ?? '', summary: o.summary ?? '', imageMediaId: o.image?.mediaId?.trim() ?? '', imageUrl: o.image?.url ?? '', imageAlt: o.image?.alt ?? '' };
}

/**
 * Form strings → the overrides body: blank fields mean "use the article's own"; alt text alone re-describes its image;
 * a library picture goes as `{mediaId, url, alt}` (alt null: the library's).
 */
export function overridesFrom(form: OverrideForm): Overrides | null {
  const headline = form.headline.trim() || null;
  const summary = form.summary.trim() || null;
  const mediaId = form.imageMediaId?.trim() || null;
  const url = form.imageUrl.trim() || null;
  const alt = form.imageAlt.trim() || null;
  const image = mediaId ? { mediaId, url, alt } : url || alt ? { url, alt } : null;
  return headline || summary || image ? { headline, summary, image } : null;
}

/**
 * The form after choosing a library picture for the item: its id and 16:9 address instead of a pasted address. Alt
 * text written for another picture (or a pasted one) goes with it; choosing the same picture again keeps it.
 */
export function chooseItemImage(form: OverrideForm, picked: { mediaId: string; url: string }): OverrideForm {
  const same = !!form.imageMediaId && form.imageMediaId === picked.mediaId;
  return { ...form, imageMediaId: picked.mediaId, imageUrl: picked.url, imageAlt: same ? form.imageAlt : '' };
}

/** The form without an image override (the article's own image shows). */
export const removeItemImage = (form: OverrideForm): OverrideForm => ({ ...form, imageMediaId: '', imageUrl: '', imageAlt: '' });

/** Whether an item shows at a time, given its window (open ends are unbounded). */
export function inWindow(item: Pick<ListItem, 'window'>, at: Date): boolean {
  const w = item.window;
  if (!w) return true;
  if (w.from && new Date(w.from) > at) return false;
  if (w.until && new Date(w.until) <= at) return false;
  return true;
}

const text = (value: string | null | undefined) => (value ?? '').trim() || null;

/** Overrides reduced to what matters (blank = none), so that two spellings of "no override" compare equal. */
function normalOverrides(o: Overrides | null | undefined) {
  const mediaId = text(o?.image?.mediaId);
  // A library picture is the picture, whatever address it was answered with (the server may give its own).
  return { headline: text(o?.headline), summary: text(o?.summary), imageMediaId: mediaId, imageUrl: mediaId ? null : text(o?.image?.url), imageAlt: text(o?.image?.alt) };
}

const instant = (value: string | null | undefined) => (value ? new Date(value).getTime() : null);

/** Which override fields differ between two items, in words ("headline", "image alt text"). */
export function overrideChanges(a: Overrides | null | undefined, b: Overrides | null | undefined): string[] {
  const x = normalOverrides(a);
  const y = normalOverrides(b);
  const names: [keyof typeof x, string][] = [['headline', 'headline'], ['summary', 'summary'], ['imageMediaId', 'library picture'], ['imageUrl', 'image URL'], ['imageAlt', 'image alt text']];
  return names.filter(([key]) => x[key] !== y[key]).map(([, name]) => name);
}

/** Whether two windows show an item at the same times (times compared as instants, not as strings). */
export function sameWindow(a: ItemWindow | null | undefined, b: ItemWindow | null | undefined): boolean {
  return instant(a?.from) === instant(b?.from) && instant(a?.until) === instant(b?.until);
}

/** Whether the item the server answered with holds what was sent (overrides and window), i.e. the edit was kept. */
export function keptAsSent(sent: { overrides: Overrides | null; window: ItemWindow | null }, stored: Pick<ListItem, 'overrides' | 'window'> | undefined): boolean {
  return !!stored && overrideChanges(sent.overrides, stored.overrides).length === 0 && sameWindow(sent.window, stored.window);
}

export type DifferenceKind = 'added' | 'removed' | 'moved' | 'overrides' | 'window';

export interface Difference {
  kind: DifferenceKind;
  articleId: string;
  /** The change in words, naming the story by its headline. */
  text: string;
}

/** Indexes of a longest increasing run (not necessarily contiguous) of `values`: the items that kept their order. */
function longestIncreasing(values: number[]): Set<number> {
  const length = values.map(() => 1);
  const previous = values.map(() => -1);
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < i; j++) {
      if (values[j] < values[i] && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
  }
  let end = -1;
  length.forEach((l, i) => {
    if (end < 0 || l > length[end]) end = i;
  });
  const kept = new Set<number>();
  for (let i = end; i >= 0; i = previous[i]) kept.add(i);
  return kept;
}

/**
 * What publishing the draft would change for readers, item by item: stories added and removed, stories moved (only
 * those that left the order of the others, so one drag reads as one move), and changed overrides or windows.
 * `live` is null when the list was never published (then everything is "added").
 */
export function draftDifferences(draft: ListItem[], live: ListItem[] | null, headlineOf: (articleId: string) => string): Difference[] {
  const liveItems = live ?? [];
  const liveIndex = new Map(liveItems.map((item, i) => [item.articleId, i]));
  const draftIds = new Set(draft.map((item) => item.articleId));
  const named = (id: string) => `“${headlineOf(id)}”`;
  const out: Difference[] = [];

  draft.forEach((item, i) => {
    if (!liveIndex.has(item.articleId)) out.push({ kind: 'added', articleId: item.articleId, text: `${named(item.articleId)} added at position ${i + 1}` });
  });
  liveItems.forEach((item, i) => {
    if (!draftIds.has(item.articleId)) out.push({ kind: 'removed', articleId: item.articleId, text: `${named(item.articleId)} removed (was at position ${i + 1})` });
  });

  const common = draft.map((item, i) => ({ item, draftPosition: i })).filter(({ item }) => liveIndex.has(item.articleId));
  const kept = longestIncreasing(common.map(({ item }) => liveIndex.get(item.articleId)!));
  common.forEach(({ item, draftPosition }, i) => {
    if (kept.has(i)) return;
    const was = liveIndex.get(item.articleId)!;
    out.push({ kind: 'moved', articleId: item.articleId, text: `${named(item.articleId)} moved ${draftPosition < was ? 'up' : 'down'} from position ${was + 1} to ${draftPosition + 1}` });
  });

  common.forEach(({ item }) => {
    const before = liveItems[liveIndex.get(item.articleId)!];
    const fields = overrideChanges(before.overrides, item.overrides);
    if (fields.length) out.push({ kind: 'overrides', articleId: item.articleId, text: `${named(item.articleId)}: ${fields.join(', ')} override changed` });
    if (!sameWindow(before.window, item.window)) out.push({ kind: 'window', articleId: item.articleId, text: `${named(item.articleId)}: the times it shows changed` });
  });
  return out;
}

/** Field errors of a request about the whole draft, sorted: those of one item (by article id) and the rest. */
export interface DraftErrors {
  /** `items[2].overrides.image.alt` as `overrides.image.alt` under the third item's article id, in words. */
  byItem: Record<string, Record<string, string>>;
  /** Anything not about one item, keyed like `fieldErrors` (`items[0]` without its index, `at`, …). */
  rest: Record<string, string>;
}

const add = (into: Record<string, string>, key: string, message: string) => {
  if (!into[key]) into[key] = message;
  else if (!into[key].includes(message)) into[key] = `${into[key]} ${message}`;
};

/**
 * The field errors of a whole-draft answer (publish, schedule, a replaced order) placed at their items: the index in
 * `items[i]` names the item of `items` (the draft as sent), so each message is shown once, at that item's field.
 */
export function draftErrors(problem: Problem | undefined, items: Pick<ListItem, 'articleId'>[]): DraftErrors {
  const out: DraftErrors = { byItem: {}, rest: {} };
  for (const error of problem?.errors ?? []) {
    const message = plainMessage(error.message);
    const match = /^items\[(\d+)\]\.?(.*)$/.exec(error.field);
    const item = match ? items[Number(match[1])] : undefined;
    if (match && item) add((out.byItem[item.articleId] ??= {}), fieldKey(match[2]) || 'item', message);
    else add(out.rest, fieldKey(error.field), message);
  }
  return out;
}

/** The field errors of one item's update (`overrides.image.alt`), also when the server names the item (`items[0]....`). */
export function itemFieldErrors(problem: Problem | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of problem?.errors ?? []) add(out, fieldKey(error.field.replace(/^items\[\d+\]\./, '')), plainMessage(error.message));
  return out;
}
