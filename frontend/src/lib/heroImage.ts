/**
 * The article's hero image as the editor holds and sends it. Two kinds:
 * - a picture from the media library (`mediaId`): the server answers with its rendition address in `url`, and a
 *   blank alt text, caption or credit means "the library's own"; what is written here overrides it for this article;
 * - a pasted address (`url`, with `alt` needed), as before the library existed.
 */
import { blankToNull } from './format';
import {
  ARTICLE_PLACE,
  effectiveAltText,
  imageErrors,
  libraryAltNote as altNote,
  mediaLoadProblem as loadProblem,
  ownWords,
  type ImageErrors,
  type LibraryAltNote,
} from './libraryImage';
import { buildSizes } from './media';
import type { HeroImage, MediaItem } from './types';

export type { LibraryAltNote } from './libraryImage';

/** The form's hero image: every field a string (no nulls). */
export interface HeroForm {
  mediaId: string;
  url: string;
  alt: string;
  caption: string;
  credit: string;
}

export const noHero = (): HeroForm => ({ mediaId: '', url: '', alt: '', caption: '', credit: '' });

/** Whether the hero image is a picture from the media library. */
export const isLibraryHero = (hero: HeroImage | null | undefined): boolean => !!hero?.mediaId?.trim();

/**
 * The hero image as the form holds it. A library picture keeps no address of its own: the one the server answers
 * with is its rendition (derived, ignored when sent), so it never counts as an edit nor turns into a pasted address.
 */
export function heroOf(hero: HeroImage | null | undefined): HeroForm {
  const mediaId = hero?.mediaId?.trim() ?? '';
  return {
    mediaId,
    url: mediaId ? '' : (hero?.url ?? ''),
    alt: hero?.alt ?? '',
    caption: hero?.caption ?? '',
    credit: hero?.credit ?? '',
  };
}

/** A library picture as sent: no address; a blank alt text, caption or credit (null) means the library's. */
export interface LibraryHeroBody {
  mediaId: string;
  alt: string | null;
  caption: string | null;
  credit: string | null;
}

/** A pasted address as sent (unchanged since before the library): url and alt needed, caption and credit optional. */
export interface UrlHeroBody {
  url: string | null;
  alt: string | null;
  caption: string | null;
  credit: string | null;
}

export type HeroImageBody = LibraryHeroBody | UrlHeroBody;

/** `heroImage` of POST/PUT /api/articles: a library picture, a pasted address, or null when nothing of it is set. */
export function heroImageBody(hero: HeroImage | null | undefined): HeroImageBody | null {
  const h = hero ?? {};
  const mediaId = h.mediaId?.trim();
  if (mediaId) return { mediaId, alt: blankToNull(h.alt), caption: blankToNull(h.caption), credit: blankToNull(h.credit) };
  const set = [h.url, h.alt, h.caption, h.credit].some((v) => v && v.trim());
  return set ? { url: blankToNull(h.url), alt: blankToNull(h.alt), caption: blankToNull(h.caption), credit: blankToNull(h.credit) } : null;
}

/**
 * The hero image after choosing a library picture: its id, and no pasted address. Words written for another picture
 * (alt text, caption, credit) go with it, so the library's own apply; choosing the same picture again changes nothing.
 */
export function pickHero(current: HeroImage | null | undefined, mediaId: string): HeroForm {
  const now = heroOf(current);
  if (now.mediaId && now.mediaId === mediaId) return now;
  return { ...noHero(), mediaId };
}

/**
 * The hero image once its pasted address was imported into the library: that picture, as if chosen in the picker. The
 * words typed for the address went to the library with it; those the library says differently (the picture was
 * already there) stay as this article's own.
 */
export function importedHero(pasted: HeroImage | null | undefined, item: Pick<MediaItem, 'id' | 'altText' | 'caption' | 'credit'>): HeroForm {
  const typed = heroOf(pasted);
  return {
    mediaId: item.id,
    url: '',
    alt: ownWords(typed.alt, item.altText),
    caption: ownWords(typed.caption, item.caption),
    credit: ownWords(typed.credit, item.credit),
  };
}

/** The library's own words for a picture (trimmed; '' when it has none). */
export function libraryWords(item: Pick<MediaItem, 'altText' | 'caption' | 'credit'> | null | undefined): { alt: string; caption: string; credit: string } {
  return { alt: item?.altText?.trim() ?? '', caption: item?.caption?.trim() ?? '', credit: item?.credit?.trim() ?? '' };
}

/** The alt text readers get: this article's own, else the library's. */
export function effectiveAlt(hero: HeroImage | null | undefined, item: Pick<MediaItem, 'altText'> | null | undefined): string {
  return effectiveAltText(hero?.alt, item);
}

/** What the section says about the library's alt text (the default for this article). */
export const libraryAltNote = (item: Pick<MediaItem, 'altText'>, override: string | null | undefined): LibraryAltNote => altNote(item, override, ARTICLE_PLACE);

/** Where the section shows the server's field errors: each one once, at the control it is about. */
export type HeroErrors = ImageErrors<'alt' | 'caption' | 'credit'>;

/**
 * The hero image's field errors placed for the kind of image shown: `heroImage.mediaId`, `heroImage` and anything
 * else of the image go to the picture (library) or to the address field (pasted), so nothing is lost or said twice.
 */
export function heroErrors(errors: Record<string, string>, library: boolean): HeroErrors {
  return imageErrors(errors, 'heroImage', library, ['alt', 'caption', 'credit'] as const);
}

/** Why the chosen picture's details could not be fetched, in words, and whether trying again may help. */
export const mediaLoadProblem = (error: unknown) => loadProblem(error, ARTICLE_PLACE);

/** The hero image preview beside the fields (a 240 px column; the whole width on a narrow window). */
export const HERO_PREVIEW_SIZES = buildSizes([{ maxWidth: 860, size: '100vw' }], '240px');
