import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrors } from '../problem';
import {
  effectiveAlt,
  heroErrors,
  heroImageBody,
  heroOf,
  HERO_PREVIEW_SIZES,
  isLibraryHero,
  libraryAltNote,
  libraryWords,
  mediaLoadProblem,
  noHero,
  pickHero,
} from './heroImage';

const MEDIA_ID = '3f2a9c1e-5b7d-4e21-9a0b-1c2d3e4f5a6b';

describe('heroImageBody', () => {
  it('sends a library picture by its id, without an address, with blank words as null (the library’s)', () => {
    expect(heroImageBody({ mediaId: MEDIA_ID, url: '', alt: '', caption: '  ', credit: '' })).toEqual({ mediaId: MEDIA_ID, alt: null, caption: null, credit: null });
  });

  it('sends this article’s alt text, caption and credit as overrides', () => {
    expect(heroImageBody({ mediaId: ` ${MEDIA_ID} `, alt: 'Boats at dawn', caption: 'In the harbour', credit: 'Jane Doe' })).toEqual({
      mediaId: MEDIA_ID,
      alt: 'Boats at dawn',
      caption: 'In the harbour',
      credit: 'Jane Doe',
    });
  });

  it('never sends the address of a library picture, even one left over from the server’s answer', () => {
    const body = heroImageBody({ mediaId: MEDIA_ID, url: '/public/v1/media/abc/16x9-1024.jpg', alt: null });
    expect(body).not.toHaveProperty('url');
  });

  it('sends a pasted address as before, without a mediaId', () => {
    const body = heroImageBody({ mediaId: '', url: 'https://img.example/a.jpg', alt: 'A desk', caption: '', credit: 'Staff' });
    expect(body).toEqual({ url: 'https://img.example/a.jpg', alt: 'A desk', caption: null, credit: 'Staff' });
    expect(body).not.toHaveProperty('mediaId');
  });

  it('sends null when nothing of the image is set', () => {
    expect(heroImageBody(noHero())).toBeNull();
    expect(heroImageBody(null)).toBeNull();
    expect(heroImageBody({ mediaId: '  ', url: ' ', alt: '' })).toBeNull();
  });
});

describe('heroOf', () => {
  it('holds every field as a string', () => {
    expect(heroOf(null)).toEqual(noHero());
    expect(heroOf({ url: 'https://img/1.jpg', alt: null })).toEqual({ mediaId: '', url: 'https://img/1.jpg', alt: '', caption: '', credit: '' });
  });

  it('drops the address the server derives for a library picture', () => {
    expect(heroOf({ mediaId: MEDIA_ID, url: '/public/v1/media/abc/16x9.jpg', alt: null, caption: 'Mine', credit: null })).toEqual({
      mediaId: MEDIA_ID,
      url: '',
      alt: '',
      caption: 'Mine',
      credit: '',
    });
    expect(isLibraryHero({ mediaId: MEDIA_ID })).toBe(true);
    expect(isLibraryHero({ mediaId: ' ', url: 'https://x.example/a.jpg' })).toBe(false);
  });
});

describe('pickHero', () => {
  it('replaces a pasted address and its words with the chosen picture', () => {
    expect(pickHero({ url: 'https://img/1.jpg', alt: 'Servers', caption: 'Old', credit: 'Old' }, 'm1')).toEqual({ mediaId: 'm1', url: '', alt: '', caption: '', credit: '' });
  });

  it('drops the words written for another library picture, keeps them when the same one is chosen again', () => {
    expect(pickHero({ mediaId: 'm1', alt: 'Boats' }, 'm2')).toEqual({ mediaId: 'm2', url: '', alt: '', caption: '', credit: '' });
    expect(pickHero({ mediaId: 'm1', alt: 'Boats', caption: 'At dawn' }, 'm1')).toEqual({ mediaId: 'm1', url: '', alt: 'Boats', caption: 'At dawn', credit: '' });
  });
});

describe('the library’s words', () => {
  const item = { altText: ' Fishing boats at dawn ', caption: 'Morning', credit: null };

  it('are the defaults; this article’s alt text wins', () => {
    expect(libraryWords(item)).toEqual({ alt: 'Fishing boats at dawn', caption: 'Morning', credit: '' });
    expect(libraryWords(null)).toEqual({ alt: '', caption: '', credit: '' });
    expect(effectiveAlt({ alt: '  ' }, item)).toBe('Fishing boats at dawn');
    expect(effectiveAlt({ alt: 'Two boats' }, item)).toBe('Two boats');
    expect(effectiveAlt({}, { altText: null })).toBe('');
  });

  it('say the library’s alt text, or warn that it has none', () => {
    expect(libraryAltNote(item, '')).toEqual({ missing: false, text: 'Library alt text: “Fishing boats at dawn”', detail: null });
    expect(libraryAltNote(item, 'Two boats').detail).toBe('This article uses its own alt text, below.');
    const none = libraryAltNote({ altText: '  ' }, '');
    expect(none.missing).toBe(true);
    expect(none.text).toBe('This picture has no alt text in the library yet.');
    expect(none.detail).toMatch(/needed before publishing/);
    expect(libraryAltNote({ altText: null }, 'Two boats').detail).toBe('This article uses the alt text below.');
  });
});

describe('heroErrors', () => {
  const problem = (...errors: [string, string][]) => fieldErrors({ errors: errors.map(([field, message]) => ({ field, message })) });

  it('puts a library picture’s errors at the picture and the alt text, each once, in words', () => {
    const errors = problem(
      ['heroImage.mediaId', 'No picture with this id in the media library'],
      ['heroImage.alt', 'Describe the picture for readers who cannot see it before publishing'],
      ['heroImage.alt', 'Describe the picture for readers who cannot see it before publishing'],
    );
    expect(heroErrors(errors, true)).toEqual({
      picture: 'This picture is not in the media library any more: it may have been deleted. Choose another one, or remove it.',
      alt: 'Describe the picture for readers who cannot see it before publishing.',
    });
  });

  it('puts errors about the image as a whole (or its address) at the picture or at the address, whichever is shown', () => {
    const errors = { heroImage: 'Choose a picture or paste its address.', 'heroImage.url': 'Use a web address (https://…).', 'heroImage.caption': 'Use at most 500 characters.' };
    expect(heroErrors(errors, true)).toEqual({ picture: 'Choose a picture or paste its address. Use a web address (https://…).', caption: 'Use at most 500 characters.' });
    expect(heroErrors(errors, false)).toEqual({ url: 'Use a web address (https://…). Choose a picture or paste its address.', caption: 'Use at most 500 characters.' });
    expect(heroErrors({ 'heroImage.mediaId': 'Gone.', 'heroImage.url': 'Gone.' }, false)).toEqual({ url: 'Gone.' });
  });

  it('loses no error of the image it does not know', () => {
    expect(heroErrors({ 'heroImage.focalPoint': 'Use a number from 0 to 1.' }, true)).toEqual({ picture: 'Use a number from 0 to 1.' });
    expect(heroErrors({ headline: 'This cannot be empty.' }, true)).toEqual({});
  });
});

describe('mediaLoadProblem', () => {
  it('tells a deleted picture from a media service that does not answer', () => {
    expect(mediaLoadProblem(new ApiError(404, { status: 404, title: 'Not Found' }))).toEqual({
      text: 'This picture is not in the media library any more: it may have been deleted. Choose another one, or remove it.',
      retry: false,
    });
    expect(mediaLoadProblem(new ApiError(503, undefined))).toMatchObject({ retry: true, text: expect.stringMatching(/did not answer\. The article keeps it\.$/) });
    expect(mediaLoadProblem(new TypeError('Failed to fetch')).retry).toBe(true);
    expect(mediaLoadProblem(new ApiError(403, undefined)).retry).toBe(false);
  });
});

describe('the preview', () => {
  it('is 240 px wide beside the fields, the whole width on a narrow window', () => {
    expect(HERO_PREVIEW_SIZES).toBe('(max-width: 860px) 100vw, 240px');
  });
});
