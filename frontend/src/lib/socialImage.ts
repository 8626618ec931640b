/**
 * The social card's own picture (`seo.socialImage`), as the editor holds and sends it. Shaped like the hero image
 * (`heroImage.ts`), without caption and credit (a card shows neither):
 * - a picture from the media library (`mediaId`): the server answers with the card's crop address in `url`, and a
 *   blank alt text means the library's own;
 * - a pasted address (`url`, with `alt` needed).
 * None: shared pages show the hero image. The card shows a picture's 16:9 crop, the library's widest landscape one.
 */
import { effectiveAltText, imageErrors, ownWords, type ImageErrors } from './libraryImage';
import { shapeOf } from './media';
import type { HeroImage, MediaItem, SocialImage } from './types';

/** The request field the server's errors about it are named after. */
export const SOCIAL_IMAGE_FIELD = 'seo.socialImage';

/** The crop a social card shows of a library picture. */
export const SOCIAL_CARD_SHAPE = '16x9' as const;

/** The form's social image: every field a string (no nulls). */
export interface SocialImageForm {
  mediaId: string;
  url: string;
  alt: string;
}

export const noSocialImage = (): SocialImageForm => ({ mediaId: '', url: '', alt: '' });

/**
 * The social image as the form holds it. A library picture keeps no address of its own: the one the server answers
 * with is derived (its crop), so it never counts as an edit nor turns into a pasted address.
 */
export function socialImageOf(image: SocialImage | null | undefined): SocialImageForm {
  const mediaId = image?.mediaId?.trim() ?? '';
  return { mediaId, url: mediaId ? '' : (image?.url ?? ''), alt: image?.alt ?? '' };
}

const trimmed = (text: string | null | undefined) => text?.trim() || null;

/** `seo.socialImage` as sent: a library picture (its id, the alt text override or null), a pasted address, or null. */
export type SocialImageBody = { mediaId: string; alt: string | null } | { url: string | null; alt: string | null };

export function socialImageBody(image: SocialImage | null | undefined): SocialImageBody | null {
  const mediaId = image?.mediaId?.trim();
  const alt = trimmed(image?.alt);
  if (mediaId) return { mediaId, alt };
  const url = trimmed(image?.url);
  return url || alt ? { url, alt } : null;
}

/**
 * After choosing a library picture: its id, no pasted address; alt text written for another picture goes with it (the
 * library's applies). Choosing the same picture again changes nothing.
 */
export function pickSocialImage(current: SocialImage | null | undefined, mediaId: string): SocialImageForm {
  const now = socialImageOf(current);
  if (now.mediaId && now.mediaId === mediaId) return now;
  return { ...noSocialImage(), mediaId };
}

/** After its pasted address was imported into the library: that picture; typed alt text the library says differently stays. */
export function importedSocialImage(pasted: SocialImage | null | undefined, item: Pick<MediaItem, 'id' | 'altText'>): SocialImageForm {
  return { mediaId: item.id, url: '', alt: ownWords(socialImageOf(pasted).alt, item.altText) };
}

/**
 * The social image's field errors placed for the kind shown: `seo.socialImage.mediaId` (an unknown picture) and the
 * rest at the picture (library) or at the address (pasted), the alt text's at the alt text; each once.
 */
export function socialImageErrors(errors: Record<string, string>, library: boolean): ImageErrors<'alt'> {
  return imageErrors(errors, SOCIAL_IMAGE_FIELD, library, ['alt'] as const);
}

/** The server's error keys of the social image (cleared when it is edited). */
export const SOCIAL_IMAGE_ERROR_KEYS = [SOCIAL_IMAGE_FIELD, `${SOCIAL_IMAGE_FIELD}.mediaId`, `${SOCIAL_IMAGE_FIELD}.url`, `${SOCIAL_IMAGE_FIELD}.alt`];

/** The picture a social card shows, and where it comes from. */
export interface CardPicture {
  /** Its address; null while a library picture's details are not known yet. */
  url: string | null;
  alt: string;
  from: 'social' | 'hero';
}

/** A library picture's card crop address (its 16:9 crop, else what it has). */
const cropOf = (item: Pick<MediaItem, 'renditions'> | null | undefined) => (item ? (shapeOf(item, SOCIAL_CARD_SHAPE)?.src ?? null) : null);

/**
 * What the social card shows, as readers' pages get it: the social image when there is one (a library picture as its
 * 16:9 crop with this article's alt text, else the library's), else the hero image (likewise); null: no picture.
 * `socialItem` and `heroItem` are the library details of the pictures, once known.
 */
export function cardPicture(
  social: SocialImage | null | undefined,
  socialItem: Pick<MediaItem, 'renditions' | 'altText'> | null,
  hero: HeroImage | null | undefined,
  heroItem: Pick<MediaItem, 'renditions' | 'altText'> | null,
): CardPicture | null {
  const s = socialImageOf(social);
  if (s.mediaId) return { url: cropOf(socialItem), alt: effectiveAltText(s.alt, socialItem), from: 'social' };
  if (s.url.trim()) return { url: s.url.trim(), alt: s.alt.trim(), from: 'social' };
  const heroId = hero?.mediaId?.trim();
  if (heroId) return { url: cropOf(heroItem), alt: effectiveAltText(hero?.alt, heroItem), from: 'hero' };
  const heroUrl = hero?.url?.trim();
  return heroUrl ? { url: heroUrl, alt: hero?.alt?.trim() ?? '', from: 'hero' } : null;
}

/** What the card preview says instead of a picture, or null when it shows one. */
export function cardPictureNote(picture: CardPicture | null): string | null {
  if (!picture) return 'No social image and no hero image: the card has no picture.';
  if (!picture.url) return 'Loading the picture from the media library…';
  return null;
}
