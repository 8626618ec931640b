import { describe, expect, it } from 'vitest';
import { contentOf } from './articleForm';
import { conflictRows, mergeContent, pictureWords } from './conflict';
import type { ArticleContent } from './types';

const base: ArticleContent = { headline: 'Outage hits newsrooms', dek: 'Two hours dark.', body: 'One.\n\nTwo.', tags: ['cloud'], byline: ['a1'], heroImage: { url: 'https://img/1.jpg', alt: 'Servers' } };

describe('conflictRows', () => {
  it('shows only the fields where the copies differ, and who changed them', () => {
    const mine = { ...base, headline: 'Outage hits regional newsrooms' };
    const theirs = { ...base, dek: 'Publishing went dark for two hours.', tags: ['cloud', 'outage'] };
    const rows = conflictRows(base, mine, theirs);
    expect(rows.map((r) => r.field)).toEqual(['headline', 'dek', 'tags']);
    expect(rows[0]).toMatchObject({ changedByMe: true, changedByThem: false, suggested: 'mine' });
    expect(rows[1]).toMatchObject({ changedByMe: false, changedByThem: true, suggested: 'theirs', theirs: 'Publishing went dark for two hours.' });
    expect(rows[2]).toMatchObject({ mine: 'cloud', theirs: 'cloud, outage' });
  });

  it('keeps mine when both changed the same field', () => {
    const rows = conflictRows(base, { ...base, body: 'Mine' }, { ...base, body: 'Theirs' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ changedByMe: true, changedByThem: true, suggested: 'mine' });
  });

  it('sees nested image fields', () => {
    const rows = conflictRows(base, base, { ...base, heroImage: { url: 'https://img/1.jpg', alt: 'A rack of servers' } });
    expect(rows.map((r) => r.label)).toEqual(['Hero image alt text']);
  });
});

describe('conflicts over a library picture', () => {
  const library = (mediaId: string, alt = '') => contentOf({ ...base, heroImage: { mediaId, url: `/public/v1/media/${mediaId}/16x9.jpg`, alt } });

  it('shows a changed picture in words, not as its address', () => {
    const rows = conflictRows(library('aaaaaaaa-1'), library('aaaaaaaa-1'), library('bbbbbbbb-2'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      field: 'heroImage.mediaId',
      label: 'Hero image',
      mine: 'Picture aaaaaaaa from the media library',
      theirs: 'Picture bbbbbbbb from the media library',
      suggested: 'theirs',
    });
    expect(pictureWords('')).toBe('');
  });

  it('sets a pasted address against a library picture field by field', () => {
    const rows = conflictRows(contentOf(base), library('m1'), contentOf(base));
    expect(rows.map((r) => [r.label, r.mine, r.theirs])).toEqual([
      ['Hero image', 'Picture m1 from the media library', ''],
      ['Hero image URL', '', 'https://img/1.jpg'],
      ['Hero image alt text', '', 'Servers'],
    ]);
    expect(rows.every((r) => r.changedByMe && !r.changedByThem)).toBe(true);
  });

  it('takes their picture without a pasted address, or their removal of it', () => {
    const merged = mergeContent(library('m1', 'Boats'), library('m2'), { 'heroImage.mediaId': 'theirs' });
    expect(merged.heroImage).toEqual({ mediaId: 'm2', url: '', alt: 'Boats', caption: '', credit: '' });
    const pasted = contentOf({ ...base, heroImage: { url: 'https://img/2.jpg', alt: 'New' } });
    const back = mergeContent(library('m1'), pasted, { 'heroImage.mediaId': 'theirs', 'heroImage.url': 'theirs', 'heroImage.alt': 'theirs' });
    expect(back.heroImage).toEqual({ mediaId: '', url: 'https://img/2.jpg', alt: 'New', caption: '', credit: '' });
  });
});

describe('mergeContent', () => {
  it('takes the chosen fields from theirs and the rest from mine', () => {
    const mine = { ...base, headline: 'Mine', tags: ['mine'] };
    const theirs = { ...base, headline: 'Theirs', tags: ['theirs'], heroImage: { url: 'https://img/2.jpg', alt: 'New' } };
    const merged = mergeContent(mine, theirs, { headline: 'mine', tags: 'theirs', 'heroImage.url': 'theirs' });
    expect(merged.headline).toBe('Mine');
    expect(merged.tags).toEqual(['theirs']);
    expect(merged.heroImage).toEqual({ url: 'https://img/2.jpg', alt: 'Servers' });
    expect(mine.tags).toEqual(['mine']);
  });
});

describe('conflicts over the search fields and the correction note', () => {
  const seo = { title: 'Outage', description: '', canonicalUrl: '', noindex: false };

  it('shows each search field and the note in words', () => {
    const mine = { ...base, seo: { ...seo, title: 'Newsrooms go dark' } };
    const theirs = { ...base, seo: { ...seo, noindex: true }, correction: { kind: 'update' as const, note: 'Back online.' } };
    const rows = conflictRows({ ...base, seo }, mine, theirs);
    expect(rows.map((r) => r.label)).toEqual(['SEO title', 'Hidden from search engines', 'Correction or update note']);
    expect(rows[1]).toMatchObject({ mine: '', theirs: 'yes', suggested: 'theirs' });
    expect(rows[2]).toMatchObject({ theirs: 'update: Back online.', suggested: 'theirs' });
  });

  it('takes the chosen ones from theirs and keeps my other search fields', () => {
    const mine = { ...base, seo: { ...seo, title: 'Mine', description: 'My words' } };
    const theirs = { ...base, seo: { ...seo, title: 'Theirs', noindex: true }, correction: { kind: 'correction' as const, note: 'Fixed a date.' } };
    const merged = mergeContent(mine, theirs, { 'seo.noindex': 'theirs', 'seo.title': 'mine', correction: 'theirs' });
    expect(merged.seo).toEqual({ title: 'Mine', description: 'My words', canonicalUrl: '', noindex: true, socialImage: { mediaId: '', url: '', alt: '' } });
    expect(merged.correction).toEqual({ kind: 'correction', note: 'Fixed a date.' });
  });
});
