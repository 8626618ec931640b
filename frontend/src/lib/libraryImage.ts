/**
 * A picture field that takes a picture from the media library or a pasted address: the hero image, an author's
 * avatar, a featured-list item's image override. What they share, as pure logic:
 * - a library picture is held by its `mediaId`; the alt text written where it is used is an override, blank means the
 *   library's own (the server resolves it for readers);
 * - the words the field says about the library's alt text, and why a picture cannot be shown;
 * - where the server's field errors about the image go, each once, for the kind of image shown;
 * - importing a pasted address into the library: what is sent, what the field holds afterwards, the failure in words.
 */
import { ApiError, fieldErrors, messageOf } from '../problem';
import type { MediaItem, MediaUploaded } from './types';

/** Words for where a picture is used, so every field says the same things about its own place. */
export interface ImagePlace {
  /** "this article": what an alt text override applies to. */
  here: string;
  /** "The article": what keeps a picture it cannot show. */
  keeper: string;
  /** "every article using it": who gets a description written in the library. */
  everyUse: string;
  /** "before publishing": when alt text is needed. */
  altNeeded: string;
}

export const ARTICLE_PLACE: ImagePlace = { here: 'this article', keeper: 'The article', everyUse: 'every article using it', altNeeded: 'before publishing' };
export const PROFILE_PLACE: ImagePlace = { here: 'this profile', keeper: 'The profile', everyUse: 'every page using it', altNeeded: 'before the profile can be saved' };
export const RAIL_ITEM_PLACE: ImagePlace = { here: 'this rail item', keeper: 'The rail item', everyUse: 'every article and list using it', altNeeded: 'before the item can be saved' };

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The alt text readers get: the one written here, else the library's. */
export function effectiveAltText(own: string | null | undefined, item: Pick<MediaItem, 'altText'> | null | undefined): string {
  return own?.trim() || item?.altText?.trim() || '';
}

/** What the field says about the library's alt text (the default where the picture is used). */
export interface LibraryAltNote {
  /** The picture has no alt text in the library: a warning, with a link to describe it there. */
  missing: boolean;
  text: string;
  /** What applies here, when it is worth saying. */
  detail: string | null;
}

/**
 * {@code altErrorShown}: the alt text field already says, as its error, that alt text is needed; the note then only
 * says where it can be written, so the requirement is told once.
 */
export function libraryAltNote(
  item: Pick<MediaItem, 'altText'>,
  override: string | null | undefined,
  place: ImagePlace = ARTICLE_PLACE,
  altErrorShown = false,
): LibraryAltNote {
  const alt = item.altText?.trim() ?? '';
  const own = !!override?.trim();
  if (alt) return { missing: false, text: `Library alt text: “${alt}”`, detail: own ? `${capital(place.here)} uses its own alt text, below.` : null };
  return {
    missing: true,
    text: 'This picture has no alt text in the library yet.',
    detail: own
      ? `${capital(place.here)} uses the alt text below.`
      : `Describe it in the media library, so that ${place.everyUse} gets the description, or write alt text for ${place.here} below.` +
        (altErrorShown ? '' : ` One of the two is needed ${place.altNeeded}.`),
  };
}

/**
 * Whether a library picture is known to have no alt text anywhere: none written here and none in the library (once
 * its details are known; while they load nothing is claimed).
 */
export function altMissingEverywhere(own: string | null | undefined, item: Pick<MediaItem, 'altText'> | null | undefined): boolean {
  return !!item && !effectiveAltText(own, item);
}

/** Why the chosen picture's details could not be fetched, in words, and whether trying again may help. */
export function mediaLoadProblem(error: unknown, place: ImagePlace = ARTICLE_PLACE): { text: string; retry: boolean } {
  if (error instanceof ApiError && (error.status === 404 || error.status === 410)) {
    return { text: 'This picture is not in the media library any more: it may have been deleted. Choose another one, or remove it.', retry: false };
  }
  if (error instanceof ApiError && error.status === 403) {
    return { text: `You may not see this picture in the media library, so it cannot be shown here. ${place.keeper} keeps it.`, retry: false };
  }
  return { text: `The picture cannot be shown right now: the media library did not answer. ${place.keeper} keeps it.`, retry: true };
}

/** Where an image field shows the server's field errors: each one once, at the control it is about. */
export type ImageErrors<K extends string = 'alt'> = {
  /** At the library picture (its id, or the image as a whole). */
  picture?: string;
  /** At the pasted address. */
  url?: string;
} & Partial<Record<K, string>>;

const joinOnce = (messages: (string | undefined)[]) => {
  const seen: string[] = [];
  for (const m of messages) if (m && !seen.includes(m)) seen.push(m);
  return seen.length ? seen.join(' ') : undefined;
};

/**
 * The field errors of the image at `base` ("heroImage", "avatar", "overrides.image") placed for the kind of image
 * shown: `<base>.mediaId`, `<base>` and anything else of the image go to the picture (library) or to the address field
 * (pasted), so nothing is lost or said twice; `<base>.<own>` (alt text, …) stay at their fields.
 */
export function imageErrors<K extends string = 'alt'>(errors: Record<string, string>, base: string, library: boolean, own: readonly K[] = ['alt'] as unknown as K[]): ImageErrors<K> {
  const ownKeys = own.map((k) => `${base}.${k}`);
  const first = library ? [`${base}.mediaId`, base, `${base}.url`] : [`${base}.url`, base, `${base}.mediaId`];
  const others = Object.keys(errors).filter((k) => k.startsWith(`${base}.`) && !ownKeys.includes(k) && !first.includes(k));
  const main = joinOnce([...first, ...others].map((k) => errors[k]));
  const out = {} as ImageErrors<K>;
  if (main) out[library ? 'picture' : 'url'] = main;
  for (const k of own) {
    const message = errors[`${base}.${k}`];
    if (message) (out as Record<string, string>)[k] = message;
  }
  return out;
}

/** Whether a field error key is about the image at `base` (so the field shows it, not a box elsewhere). */
export const isImageErrorKey = (key: string, base: string) => key === base || key.startsWith(`${base}.`);

/** The errors left after the ones about the image at `base` are gone (an edit of the image settles them). */
export function withoutImageErrors(errors: Record<string, string>, base: string, keys?: readonly string[]): Record<string, string> {
  const drop = (k: string) => (keys ? keys.some((own) => k === `${base}.${own}`) : isImageErrorKey(k, base));
  return Object.fromEntries(Object.entries(errors).filter(([k]) => !drop(k)));
}

/**
 * A save refused with 503 because the media library did not answer (while a library picture was sent): nothing was
 * saved and trying again may help, in the server's words when they say so, else these; null for anything else.
 */
export function mediaUnavailableText(error: unknown, what: string): string | null {
  if (!(error instanceof ApiError) || error.status !== 503) return null;
  const { detail, title, type } = error.problem ?? {};
  // Another service that does not answer (or the gateway) is not the picture's business: the form says it as usual.
  if (![detail, title, type].some((text) => text && /media/i.test(text))) return null;
  const words = detail?.trim();
  if (words && /media/i.test(words)) return /[.!?]$/.test(words) ? words : `${words}.`;
  return `The media library cannot be reached to check ${what} right now, so nothing was saved. Try again shortly.`;
}

// --- importing a pasted address into the media library ---

/** POST: the media library fetches the picture at an address and keeps it (answered like an upload). */
export const MEDIA_IMPORTS_URL = '/api/media/imports';

/**
 * The pasted address as the media library is to fetch it: absolute (an address on this site, "/samples/city.jpg",
 * is read against the page's), http or https only; null when there is nothing to import.
 */
export function importableUrl(url: string | null | undefined, base: string | undefined = typeof window === 'undefined' ? undefined : window.location.href): string | null {
  const text = url?.trim();
  if (!text) return null;
  try {
    const parsed = base ? new URL(text, base) : new URL(text);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The words typed beside a pasted address, which the imported picture gets as its library description. */
export interface ImportWords {
  alt?: string | null;
  caption?: string | null;
  credit?: string | null;
}

export interface MediaImportBody {
  url: string;
  altText?: string;
  caption?: string;
  credit?: string;
}

/** The body of POST /api/media/imports: the address and the words typed for it (blank ones left out); null: none. */
export function importBody(url: string | null | undefined, words: ImportWords = {}, base?: string): MediaImportBody | null {
  const absolute = base === undefined ? importableUrl(url) : importableUrl(url, base);
  if (!absolute) return null;
  const body: MediaImportBody = { url: absolute };
  const alt = words.alt?.trim();
  const caption = words.caption?.trim();
  const credit = words.credit?.trim();
  if (alt) body.altText = alt;
  if (caption) body.caption = caption;
  if (credit) body.credit = credit;
  return body;
}

/**
 * What a field keeps of the words typed for a pasted picture once it holds the imported library picture: nothing
 * where the library says the same (its own words apply), the typed words where they differ (the picture was already
 * in the library with other words, or none), as if written for this place.
 */
export function ownWords(typed: string | null | undefined, library: string | null | undefined): string {
  const mine = typed?.trim() ?? '';
  return mine && mine !== (library?.trim() ?? '') ? mine : '';
}

/** Why an import failed, in words, said at the address field (which keeps the pasted address: it still works). */
export function importProblemText(error: unknown): string {
  if (!(error instanceof ApiError)) return messageOf(error);
  const byField = fieldErrors(error.problem);
  if (byField.url) return byField.url;
  if (error.hasFieldErrors) return error.message;
  const detail = error.problem?.detail?.trim();
  switch (error.status) {
    case 401:
      return 'Your sign-in has expired. Reload the page to sign in again, then import the picture again.';
    case 403:
      return 'You may not add pictures to the media library. The address stays as it is.';
    case 413:
      return detail || 'The picture is larger than the media library takes (25 MB).';
    case 415:
      return detail || 'This is not a JPEG, PNG, WebP or GIF picture, so the media library cannot keep it.';
    case 502:
    case 503:
    case 504:
      return 'The media library cannot import pictures just now; try again in a moment. The address stays as it is.';
    default:
      return error.message;
  }
}

/** How an import went: the library picture (new, or the same bytes already there), or why not in words. */
export type ImportOutcome = { kind: 'imported'; item: MediaItem; alreadyInLibrary: boolean } | { kind: 'failed'; message: string };

/** Sends an import (`send`: POST of the body to the URL, answering the upload's answer) and says how it went. */
export async function importPicture(body: MediaImportBody, send: (url: string, body: MediaImportBody) => Promise<MediaUploaded>): Promise<ImportOutcome> {
  try {
    const answer = await send(MEDIA_IMPORTS_URL, body);
    if (!answer?.item?.id) return { kind: 'failed', message: 'The server’s answer could not be read. Look in the media library whether the picture was added.' };
    return { kind: 'imported', item: answer.item, alreadyInLibrary: !!answer.alreadyInLibrary };
  } catch (error) {
    return { kind: 'failed', message: importProblemText(error) };
  }
}

/** Messages said once each, in order, as one text (undefined when there are none). */
export function sayOnce(...messages: (string | null | undefined)[]): string | undefined {
  return joinOnce(messages.map((m) => m ?? undefined));
}
