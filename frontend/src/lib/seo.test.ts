import { describe, expect, it } from 'vitest';
import {
  canonicalUrlProblem,
  correctionBody,
  correctionOf,
  descriptionWarning,
  noSeo,
  searchPreview,
  seoBody,
  seoOf,
  socialCard,
  titleWarning,
  truncateForSearch,
} from './seo';

const basics = { headline: 'Harbour tolls rise for the first time in a decade', dek: 'What the new tolls cost.', slug: 'harbour-tolls' };

describe('truncateForSearch', () => {
  it('keeps text that fits, with its spacing tidied', () => {
    expect(truncateForSearch('  Short   title ', 60)).toBe('Short title');
    expect(truncateForSearch('x'.repeat(60), 60)).toBe('x'.repeat(60));
  });

  it('cuts at a word before the limit and adds an ellipsis', () => {
    const title = 'The council votes to raise harbour tolls for the first time since the storm of 2015';
    const cut = truncateForSearch(title, 60);
    expect(cut).toBe('The council votes to raise harbour tolls for the first time …');
    expect(cut.length).toBeLessThanOrEqual(62);
    expect(truncateForSearch('Words, words, words, and more words here', 22)).toBe('Words, words, words …');
  });

  it('cuts a single long word at the limit', () => {
    expect(truncateForSearch('a'.repeat(80), 60)).toBe(`${'a'.repeat(60)} …`);
  });
});

describe('length warnings', () => {
  it('say nothing while the text fits', () => {
    expect(titleWarning('x'.repeat(60))).toBeNull();
    expect(descriptionWarning('x'.repeat(160))).toBeNull();
  });

  it('warn in words past what search results show', () => {
    expect(titleWarning('x'.repeat(61))).toBe('The title is 61 characters; search results show about 60, so its end will be cut off.');
    expect(descriptionWarning('x'.repeat(170))).toContain('about 160');
  });

  it('say the hard limit past what the server takes', () => {
    expect(titleWarning('x'.repeat(121))).toBe('The title is 121 characters; it can be at most 120.');
    expect(descriptionWarning('x'.repeat(301))).toBe('The description is 301 characters; it can be at most 300.');
  });
});

describe('canonicalUrlProblem', () => {
  it('accepts blank and absolute http(s) addresses', () => {
    expect(canonicalUrlProblem('')).toBeNull();
    expect(canonicalUrlProblem('https://origin.example/a/b')).toBeNull();
    expect(canonicalUrlProblem(' http://origin.example ')).toBeNull();
  });

  it('refuses relative, other-scheme and malformed addresses', () => {
    for (const bad of ['/relative', 'origin.example/a', 'javascript:alert(1)', 'ftp://origin.example/a', 'https://exa mple.com']) {
      expect(canonicalUrlProblem(bad), bad).not.toBeNull();
    }
  });
});

describe('the request body', () => {
  it('leaves seo out when nothing is set, and clears blanks', () => {
    expect(seoBody(noSeo())).toBeNull();
    expect(seoBody(null)).toBeNull();
    expect(seoBody({ title: ' T ', description: ' ', canonicalUrl: '', noindex: false })).toEqual({
      title: 'T',
      description: null,
      canonicalUrl: null,
      noindex: false,
      socialImage: null,
    });
    expect(seoBody({ ...noSeo(), noindex: true })).toEqual({ title: null, description: null, canonicalUrl: null, noindex: true, socialImage: null });
  });

  it('round-trips through the form', () => {
    const seo = { title: 'T', description: 'D', canonicalUrl: 'https://o.example/x', noindex: true, socialImage: null };
    expect(seoBody(seoOf(seo))).toEqual(seo);
    const pictured = { ...seo, socialImage: { url: 'https://img.example/c.jpg', alt: 'Cranes' } };
    expect(seoBody(seoOf(pictured))).toEqual(pictured);
    expect(seoOf(null)).toEqual(noSeo());
  });

  it('sends a correction note only with words in it', () => {
    expect(correctionBody({ kind: 'update', note: '  ' })).toBeNull();
    expect(correctionBody(null)).toBeNull();
    expect(correctionBody({ kind: 'update', note: ' Adds a statement. ' })).toEqual({ kind: 'update', note: 'Adds a statement.' });
    expect(correctionOf(null)).toEqual({ kind: 'correction', note: '' });
  });
});

describe('previews', () => {
  it('fall back on the headline and dek, and name the article by its slug', () => {
    const result = searchPreview(noSeo(), basics);
    expect(result.title).toBe('Harbour tolls rise for the first time in a decade');
    expect(result.description).toBe('What the new tolls cost.');
    expect(result.url).toBe('your site › harbour-tolls');
  });

  it('show the SEO words cut as search results would, and the canonical address as a breadcrumb', () => {
    const seo = { ...noSeo(), title: 'T'.repeat(70), description: 'word '.repeat(40), canonicalUrl: 'https://origin.example/news/harbour' };
    const result = searchPreview(seo, basics);
    expect(result.title).toBe(`${'T'.repeat(60)} …`);
    expect(result.description.length).toBeLessThanOrEqual(162);
    expect(result.description.endsWith('…')).toBe(true);
    expect(result.url).toBe('origin.example › news › harbour');
  });

  it('give the social card the hero image and its alt text, or none', () => {
    const card = socialCard(noSeo(), { ...basics, imageUrl: 'https://img.example/h.jpg', imageAlt: 'The harbour at dawn' });
    expect(card).toEqual({
      title: 'Harbour tolls rise for the first time in a decade',
      description: 'What the new tolls cost.',
      site: null,
      imageUrl: 'https://img.example/h.jpg',
      imageAlt: 'The harbour at dawn',
    });
    expect(socialCard(noSeo(), { ...basics, imageUrl: ' ' }).imageUrl).toBeNull();
  });
});
