import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrors } from '../problem';
import {
  altMissingEverywhere,
  ARTICLE_PLACE,
  effectiveAltText,
  imageErrors,
  importableUrl,
  importBody,
  importPicture,
  isImageErrorKey,
  libraryAltNote,
  MEDIA_IMPORTS_URL,
  mediaLoadProblem,
  mediaUnavailableText,
  ownWords,
  PROFILE_PLACE,
  RAIL_ITEM_PLACE,
  sayOnce,
  withoutImageErrors,
  type MediaImportBody,
} from './libraryImage';
import type { MediaItem, MediaUploaded } from './types';

const GONE = 'This picture is not in the media library any more: it may have been deleted. Choose another one, or remove it.';

describe('the alt text of a library picture', () => {
  it('is the one written here, else the library’s', () => {
    expect(effectiveAltText(' ', { altText: ' Boats ' })).toBe('Boats');
    expect(effectiveAltText('Two boats', { altText: 'Boats' })).toBe('Two boats');
    expect(effectiveAltText('', null)).toBe('');
  });

  it('is missing everywhere only when known to be: none here, none in the library', () => {
    expect(altMissingEverywhere('', { altText: null })).toBe(true);
    expect(altMissingEverywhere('  ', { altText: ' ' })).toBe(true);
    expect(altMissingEverywhere('My photo', { altText: null })).toBe(false);
    expect(altMissingEverywhere('', { altText: 'Portrait' })).toBe(false);
    expect(altMissingEverywhere('', null)).toBe(false); // still loading: nothing is claimed
  });

  it('is told for the place the picture is used', () => {
    expect(libraryAltNote({ altText: 'Portrait' }, 'Me', PROFILE_PLACE).detail).toBe('This profile uses its own alt text, below.');
    const profile = libraryAltNote({ altText: null }, '', PROFILE_PLACE);
    expect(profile).toMatchObject({ missing: true, text: 'This picture has no alt text in the library yet.' });
    expect(profile.detail).toBe(
      'Describe it in the media library, so that every page using it gets the description, or write alt text for this profile below. One of the two is needed before the profile can be saved.',
    );
    expect(libraryAltNote({ altText: null }, '', RAIL_ITEM_PLACE).detail).toMatch(/write alt text for this rail item below\. One of the two is needed before the item can be saved\.$/);
    expect(libraryAltNote({ altText: null }, 'A ferry', RAIL_ITEM_PLACE).detail).toBe('This rail item uses the alt text below.');
    // The article's words are as they were.
    expect(libraryAltNote({ altText: null }, '', ARTICLE_PLACE).detail).toMatch(/every article using it gets the description, or write alt text for this article below\. One of the two is needed before publishing\.$/);
  });

  it('leaves the requirement to the alt text field while that field says it as its error', () => {
    const note = libraryAltNote({ altText: null }, '', ARTICLE_PLACE, true);
    expect(note.detail).toBe('Describe it in the media library, so that every article using it gets the description, or write alt text for this article below.');
    expect(note.missing).toBe(true);
  });
});

describe('imageErrors', () => {
  const problem = (...errors: [string, string][]) => fieldErrors({ errors: errors.map(([field, message]) => ({ field, message })) });

  it('puts an avatar’s errors at the picture and the alt text, each once, in words', () => {
    const errors = problem(['avatar.mediaId', 'names no picture in the media library (it may have been deleted)'], ['avatar.alt', 'Describe the photo'], ['avatar.alt', 'Describe the photo']);
    expect(imageErrors(errors, 'avatar', true)).toEqual({ picture: GONE, alt: 'Describe the photo.' });
    // A pasted photo shows the same problems at its address field.
    expect(imageErrors(errors, 'avatar', false)).toEqual({ url: GONE, alt: 'Describe the photo.' });
  });

  it('places a list item image’s errors, at the single item’s paths', () => {
    const errors = { 'overrides.image.mediaId': GONE, 'overrides.image.url': GONE, 'overrides.image.alt': 'Describe it.', 'overrides.headline': 'Too long.' };
    expect(imageErrors(errors, 'overrides.image', true)).toEqual({ picture: GONE, alt: 'Describe it.' });
    expect(imageErrors({ 'overrides.image': 'Choose a picture or paste its address.' }, 'overrides.image', false)).toEqual({ url: 'Choose a picture or paste its address.' });
    expect(imageErrors({ 'overrides.headline': 'Too long.' }, 'overrides.image', true)).toEqual({});
  });

  it('knows which errors are the image’s, and drops them when the image is replaced', () => {
    expect(isImageErrorKey('avatar.mediaId', 'avatar')).toBe(true);
    expect(isImageErrorKey('avatar', 'avatar')).toBe(true);
    expect(isImageErrorKey('avatarUrl', 'avatar')).toBe(false);
    expect(withoutImageErrors({ 'avatar.alt': 'a', avatar: 'b', bio: 'c' }, 'avatar')).toEqual({ bio: 'c' });
    expect(withoutImageErrors({ 'avatar.alt': 'a', 'avatar.mediaId': 'b' }, 'avatar', ['alt'])).toEqual({ 'avatar.mediaId': 'b' });
  });
});

describe('when the media library does not answer', () => {
  it('says the picture cannot be shown, and that the place keeps it', () => {
    expect(mediaLoadProblem(new ApiError(503, undefined), PROFILE_PLACE)).toEqual({
      text: 'The picture cannot be shown right now: the media library did not answer. The profile keeps it.',
      retry: true,
    });
    expect(mediaLoadProblem(new ApiError(404, undefined), RAIL_ITEM_PLACE)).toEqual({ text: GONE, retry: false });
    expect(mediaLoadProblem(new ApiError(403, undefined), RAIL_ITEM_PLACE).text).toMatch(/The rail item keeps it\.$/);
  });

  it('says a save refused with 503 in words: nothing was saved, try again', () => {
    const server = new ApiError(503, { status: 503, title: 'Service unavailable', detail: 'The media library cannot be reached to check the avatar right now; nothing was saved, try again shortly' });
    expect(mediaUnavailableText(server, 'the photo')).toBe('The media library cannot be reached to check the avatar right now; nothing was saved, try again shortly.');
    expect(mediaUnavailableText(new ApiError(503, { status: 503, title: 'Media library unavailable' }), 'the photo')).toBe(
      'The media library cannot be reached to check the photo right now, so nothing was saved. Try again shortly.',
    );
    // Another service down is not said as the picture's problem.
    expect(mediaUnavailableText(new ApiError(503, { status: 503, title: 'Service unavailable', detail: 'The authors database does not answer' }), 'the photo')).toBeNull();
    expect(mediaUnavailableText(new ApiError(503, undefined), 'the photo')).toBeNull();
    expect(mediaUnavailableText(new ApiError(400, undefined), 'the photo')).toBeNull();
    expect(mediaUnavailableText(new TypeError('Failed to fetch'), 'the photo')).toBeNull();
  });
});

describe('importing a pasted address into the media library', () => {
  const page = 'https://cms.example/articles/a1';
  const picture = { id: 'm9', filename: 'harbour.jpg', altText: 'Boats in the harbour' } as MediaItem;

  it('imports http and https addresses only, an address on this site read against the page', () => {
    expect(importableUrl(' https://img.example/a.jpg ', page)).toBe('https://img.example/a.jpg');
    expect(importableUrl('/samples/city.jpg', page)).toBe('https://cms.example/samples/city.jpg');
    expect(importableUrl('http://localhost:8080/samples/city.jpg', undefined)).toBe('http://localhost:8080/samples/city.jpg');
    for (const nothing of ['', '   ', 'ftp://img.example/a.jpg', 'javascript:alert(1)', 'data:image/png;base64,AAAA', null, undefined]) {
      expect(importableUrl(nothing, page)).toBeNull();
    }
    // without a page to read it against, an address on this site is nothing to import
    expect(importableUrl('/samples/city.jpg', undefined)).toBeNull();
  });

  it('sends the address with the words typed for it, blank ones left out', () => {
    expect(importBody('https://img.example/a.jpg', { alt: ' Boats ', caption: '', credit: null }, page)).toEqual({ url: 'https://img.example/a.jpg', altText: 'Boats' });
    expect(importBody('/samples/a.jpg', { alt: 'A', caption: 'C', credit: 'Staff' }, page)).toEqual({ url: 'https://cms.example/samples/a.jpg', altText: 'A', caption: 'C', credit: 'Staff' });
    expect(importBody('', { alt: 'A' }, page)).toBeNull();
  });

  it('keeps typed words as this place’s own only where the library says otherwise', () => {
    expect(ownWords('Boats in the harbour', 'Boats in the harbour')).toBe('');
    expect(ownWords(' Boats ', 'Boats')).toBe('');
    expect(ownWords('Two boats', 'Boats in the harbour')).toBe('Two boats');
    expect(ownWords('Two boats', null)).toBe('Two boats');
    expect(ownWords('', 'Boats')).toBe('');
  });

  it('posts the address to the media library and answers the library picture', async () => {
    const sent: [string, MediaImportBody][] = [];
    const send = async (url: string, body: MediaImportBody): Promise<MediaUploaded> => {
      sent.push([url, body]);
      return { item: picture, alreadyInLibrary: true };
    };
    const body = { url: 'https://img.example/a.jpg', altText: 'Boats' };
    expect(await importPicture(body, send)).toEqual({ kind: 'imported', item: picture, alreadyInLibrary: true });
    expect(sent).toEqual([[MEDIA_IMPORTS_URL, body]]);
    expect(MEDIA_IMPORTS_URL).toBe('/api/media/imports');
  });

  it('says why an import failed in the server’s words about the address, else in its own', async () => {
    const failing = (error: unknown) => () => Promise.reject(error);
    const body = { url: 'https://img.example/a.jpg' };
    const atUrl = (status: number, message: string) =>
      new ApiError(status, { status, title: 'Invalid request', detail: `url: ${message}`, errors: [{ field: 'url', message }] });
    expect(await importPicture(body, failing(atUrl(400, 'points into a private network: 10.0.0.8, a private network address')))).toEqual({
      kind: 'failed',
      message: 'Points into a private network: 10.0.0.8, a private network address.',
    });
    expect(await importPicture(body, failing(atUrl(400, 'was answered with 404 Not Found, not a picture')))).toEqual({
      kind: 'failed',
      message: 'Was answered with 404 Not Found, not a picture.',
    });
    expect(await importPicture(body, failing(atUrl(504, 'did not send the picture within 8 seconds')))).toMatchObject({ message: 'Did not send the picture within 8 seconds.' });
    expect(await importPicture(body, failing(new ApiError(400, { status: 400, errors: [{ field: 'altText', message: 'size must be between 0 and 1000' }] })))).toMatchObject({
      message: 'Alt text: Use at most 1000 characters.',
    });
    expect(await importPicture(body, failing(new ApiError(503, { status: 503, title: 'Service unavailable' })))).toMatchObject({
      message: 'The media library cannot import pictures just now; try again in a moment. The address stays as it is.',
    });
    expect(await importPicture(body, failing(new ApiError(403, undefined)))).toMatchObject({ message: 'You may not add pictures to the media library. The address stays as it is.' });
    expect(await importPicture(body, failing(new TypeError('Failed to fetch')))).toMatchObject({ message: 'The server cannot be reached. Check your connection and try again.' });
    expect(await importPicture(body, async () => ({}) as MediaUploaded)).toMatchObject({ kind: 'failed' });
  });

  it('says each message once', () => {
    expect(sayOnce('Not a picture.', undefined, 'Not a picture.', null)).toBe('Not a picture.');
    expect(sayOnce('Describe it.', 'Not a picture.')).toBe('Describe it. Not a picture.');
    expect(sayOnce(undefined, null)).toBeUndefined();
  });
});
