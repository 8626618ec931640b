import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrors } from '../problem';
import {
  altMissingEverywhere,
  ARTICLE_PLACE,
  effectiveAltText,
  imageErrors,
  isImageErrorKey,
  libraryAltNote,
  mediaLoadProblem,
  mediaUnavailableText,
  PROFILE_PLACE,
  RAIL_ITEM_PLACE,
  withoutImageErrors,
} from './libraryImage';

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
