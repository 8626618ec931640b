import { describe, expect, it } from 'vitest';
import { isSeoPanelError, seoBody, seoOf } from './seo';
import {
  cardPicture,
  cardPictureNote,
  importedSocialImage,
  noSocialImage,
  pickSocialImage,
  socialImageBody,
  socialImageErrors,
  socialImageOf,
} from './socialImage';
import { conflictRows, mergeContent } from './conflict';
import { usageLink } from './media';

const item = (altText: string | null, renditions: Record<string, { src: string }> = { '16x9': { src: '/m/card-16x9.jpg' }, original: { src: '/m/o.jpg' } }) =>
  ({ altText, renditions }) as never;

describe('the social image in the form and in the request', () => {
  it('holds a library picture by its id only: the address the server answers with is derived', () => {
    expect(socialImageOf({ mediaId: ' m1 ', url: '/public/v1/media/x/16x9.jpg', alt: null })).toEqual({ mediaId: 'm1', url: '', alt: '' });
    expect(socialImageOf({ url: 'https://img.example/c.jpg', alt: 'Cranes' })).toEqual({ mediaId: '', url: 'https://img.example/c.jpg', alt: 'Cranes' });
    expect(socialImageOf(null)).toEqual(noSocialImage());
  });

  it('sends a library picture without an address, a pasted one with its words, nothing when empty', () => {
    expect(socialImageBody({ mediaId: 'm1', url: '', alt: '  ' })).toEqual({ mediaId: 'm1', alt: null });
    expect(socialImageBody({ mediaId: 'm1', alt: ' Cranes ' })).toEqual({ mediaId: 'm1', alt: 'Cranes' });
    expect(socialImageBody({ url: ' https://img.example/c.jpg ', alt: '' })).toEqual({ url: 'https://img.example/c.jpg', alt: null });
    expect(socialImageBody(noSocialImage())).toBeNull();
    expect(socialImageBody(undefined)).toBeNull();
  });

  it('makes the seo body carry it (and a social image alone is worth sending)', () => {
    const seo = { ...seoOf(null), socialImage: { mediaId: 'm1', url: '', alt: '' } };
    expect(seoBody(seo)).toEqual({ title: null, description: null, canonicalUrl: null, noindex: false, socialImage: { mediaId: 'm1', alt: null } });
    expect(seoBody(seoOf(null))).toBeNull();
    expect(seoOf({ noindex: false, socialImage: { url: 'https://img.example/c.jpg', alt: 'C' } }).socialImage.url).toBe('https://img.example/c.jpg');
  });

  it('drops words written for another picture when one is chosen, keeps them when the same is chosen again', () => {
    expect(pickSocialImage({ url: 'https://img.example/c.jpg', alt: 'Cranes' }, 'm2')).toEqual({ mediaId: 'm2', url: '', alt: '' });
    expect(pickSocialImage({ mediaId: 'm2', alt: 'Mine' }, 'm2')).toEqual({ mediaId: 'm2', url: '', alt: 'Mine' });
  });

  it('keeps typed alt text after an import only where the library says something else', () => {
    expect(importedSocialImage({ url: 'https://img.example/c.jpg', alt: 'Cranes' }, { id: 'm3', altText: 'Cranes' })).toEqual({ mediaId: 'm3', url: '', alt: '' });
    expect(importedSocialImage({ url: 'https://img.example/c.jpg', alt: 'Cranes' }, { id: 'm3', altText: null })).toEqual({ mediaId: 'm3', url: '', alt: 'Cranes' });
  });
});

describe('socialImageErrors', () => {
  it('puts an unknown picture at the picture and the alt text at the alt text, each once', () => {
    const errors = { 'seo.socialImage.mediaId': 'names no picture in the media library (it may have been deleted)', 'seo.title': 'too long' };
    expect(socialImageErrors(errors, true)).toEqual({ picture: 'names no picture in the media library (it may have been deleted)' });
    expect(socialImageErrors({ 'seo.socialImage.url': 'must be an absolute http or https URL', 'seo.socialImage.alt': 'is required when there is an image url' }, false)).toEqual({
      url: 'must be an absolute http or https URL',
      alt: 'is required when there is an image url',
    });
  });
});

describe('cardPicture', () => {
  const hero = { url: 'https://img.example/hero.jpg', alt: 'The newsroom' };

  it('is the social image first: a pasted one as it is, a library one as its 16:9 crop with the library alt text as default', () => {
    expect(cardPicture({ url: ' https://img.example/c.jpg ', alt: 'Cranes' }, null, hero, null)).toEqual({ url: 'https://img.example/c.jpg', alt: 'Cranes', from: 'social' });
    expect(cardPicture({ mediaId: 'm1' }, item('Cranes at dusk'), hero, null)).toEqual({ url: '/m/card-16x9.jpg', alt: 'Cranes at dusk', from: 'social' });
    expect(cardPicture({ mediaId: 'm1', alt: 'Mine' }, item('Cranes at dusk'), hero, null)?.alt).toBe('Mine');
    expect(cardPicture({ mediaId: 'm1' }, item(null, { original: { src: '/m/o.jpg' } }), hero, null)?.url).toBe('/m/o.jpg');
  });

  it('is the hero image without a social image (a library hero as its crop), else none', () => {
    expect(cardPicture(noSocialImage(), null, hero, null)).toEqual({ url: 'https://img.example/hero.jpg', alt: 'The newsroom', from: 'hero' });
    expect(cardPicture(null, null, { mediaId: 'h1', url: '' }, item('A press'))).toEqual({ url: '/m/card-16x9.jpg', alt: 'A press', from: 'hero' });
    expect(cardPicture(null, null, { url: ' ' }, null)).toBeNull();
  });

  it('says in words why there is no picture yet', () => {
    expect(cardPictureNote(null)).toBe('No social image and no hero image: the card has no picture.');
    expect(cardPictureNote(cardPicture({ mediaId: 'm1' }, null, hero, null))).toBe('Loading the picture from the media library…');
    expect(cardPictureNote(cardPicture(null, null, hero, null))).toBeNull();
  });
});

describe('the social image in a conflict', () => {
  const base = { headline: 'Outage', tags: [], byline: [], seo: { ...seoOf(null) } };

  it('is compared by its picture, and theirs can be taken', () => {
    const mine = { ...base, seo: { ...seoOf(null), socialImage: { mediaId: 'aaaaaaaa-1', url: '', alt: '' } } };
    const theirs = { ...base, seo: { ...seoOf(null), socialImage: { mediaId: 'bbbbbbbb-2', url: '/derived.jpg', alt: 'Theirs' } } };
    const rows = conflictRows(base, mine, theirs);
    expect(rows.map((r) => r.field)).toEqual(['seo.socialImage.mediaId', 'seo.socialImage.alt']);
    expect(rows[0].theirs).toBe('Picture bbbbbbbb from the media library');
    const merged = mergeContent(mine, theirs, { 'seo.socialImage.mediaId': 'theirs', 'seo.socialImage.alt': 'theirs' });
    expect(seoOf(merged.seo).socialImage).toEqual({ mediaId: 'bbbbbbbb-2', url: '', alt: 'Theirs' });
  });
});

describe('usageLink', () => {
  it('opens the article for its social image usage too', () => {
    expect(usageLink({ kind: 'article', ref: 'a1:social' } as never)).toBe('/articles/a1');
  });
});

describe('isSeoPanelError', () => {
  it('opens the panel for its own fields only', () => {
    expect(['seo.socialImage.alt', 'seo.title', 'seo', 'correction.note'].every(isSeoPanelError)).toBe(true);
    expect(['heroImage.alt', 'seoish', 'headline'].some(isSeoPanelError)).toBe(false);
  });
});
