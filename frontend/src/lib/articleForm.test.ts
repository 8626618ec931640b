import { describe, expect, it } from 'vitest';
import { contentOf, mayEdit, sameContent, toRequest } from './articleForm';
import type { Article } from './types';

const article = { id: '1', slug: 'outage', headline: 'Outage', status: 'DRAFT', owner: 'alice', tags: [], byline: [] } as unknown as Article;

describe('toRequest', () => {
  it('clears blanks and drops an empty image', () => {
    const body = toRequest(contentOf({ headline: ' Outage ', dek: '', tags: ['cloud'], byline: [] }));
    expect(body).toEqual({
      slug: null,
      headline: 'Outage',
      dek: null,
      body: '',
      heroImage: null,
      tags: ['cloud'],
      byline: [],
      primarySectionId: null,
      secondarySectionIds: [],
      seo: null,
      correction: null,
      related: [],
    });
  });

  it('sends the related articles in the editor’s order, and compares them', () => {
    const form = contentOf({ headline: 'x', tags: [], byline: [], related: ['b', 'a'] });
    expect(toRequest(form).related).toEqual(['b', 'a']);
    expect(sameContent(form, { ...form, related: ['a', 'b'] })).toBe(false);
    expect(toRequest(contentOf({ headline: 'x', tags: [], byline: [] })).related).toEqual([]);
  });

  it('sends the search fields and a correction note with words in it', () => {
    const form = contentOf({ headline: 'x', tags: [], byline: [], seo: { title: ' Short ', description: '', canonicalUrl: null, noindex: true }, correction: { kind: 'update', note: ' New figures. ' } });
    const body = toRequest(form);
    expect(body.seo).toEqual({ title: 'Short', description: null, canonicalUrl: null, noindex: true, socialImage: null });
    expect(body.correction).toEqual({ kind: 'update', note: 'New figures.' });
    expect(sameContent(form, { ...form, correction: { kind: 'update', note: 'New figures.' } })).toBe(true);
    expect(sameContent(form, { ...form, seo: { title: 'Short', description: '', canonicalUrl: '', noindex: false } })).toBe(false);
  });

  it('keeps the current slug and a partly filled image', () => {
    const body = toRequest(contentOf({ headline: 'x', heroImage: { url: 'https://img/1.jpg' }, tags: [], byline: [] }), article);
    expect(body.slug).toBe('outage');
    expect(body.heroImage).toEqual({ url: 'https://img/1.jpg', alt: null, caption: null, credit: null });
  });
});

describe('toRequest with a hero image from the media library', () => {
  const mediaId = '3f2a9c1e-5b7d-4e21-9a0b-1c2d3e4f5a6b';

  it('sends the picture by its id with no address, and a blank alt text as null (the library’s)', () => {
    const content = { ...contentOf({ headline: 'Harbour', tags: [], byline: ['a1'] }), heroImage: { mediaId, url: '', alt: '', caption: '', credit: '' } };
    expect(toRequest(content).heroImage).toEqual({ mediaId, alt: null, caption: null, credit: null });
    expect(JSON.parse(JSON.stringify(toRequest(content)))).toEqual({
      slug: null,
      headline: 'Harbour',
      dek: null,
      body: '',
      heroImage: { mediaId, alt: null, caption: null, credit: null },
      tags: [],
      byline: ['a1'],
      primarySectionId: null,
      secondarySectionIds: [],
      seo: null,
      correction: null,
      related: [],
    });
  });

  it('sends this article’s alt text, caption and credit as overrides', () => {
    const content = { ...contentOf({ headline: 'Harbour', tags: [], byline: [] }), heroImage: { mediaId, alt: 'Two boats', caption: 'At dawn', credit: '' } };
    expect(toRequest(content).heroImage).toEqual({ mediaId, alt: 'Two boats', caption: 'At dawn', credit: null });
  });

  it('reads the server’s answer without taking its rendition address as an edit', () => {
    const answered = { ...article, heroImage: { mediaId, url: '/public/v1/media/abc/16x9-1024-50-30.jpg', alt: null, caption: null, credit: null } } as Article;
    const form = contentOf(answered);
    expect(form.heroImage).toEqual({ mediaId, url: '', alt: '', caption: '', credit: '' });
    expect(toRequest(form, answered).heroImage).toEqual({ mediaId, alt: null, caption: null, credit: null });
    expect(sameContent(form, contentOf(answered))).toBe(true);
    expect(sameContent(form, answered)).toBe(true);
  });
});

describe('mayEdit', () => {
  it('lets writers edit their own drafts only, editors anything but archived', () => {
    const alice = { username: 'alice', roles: ['writer'] };
    const erin = { username: 'erin', roles: ['editor'] };
    expect(mayEdit(article, alice)).toBe(true);
    expect(mayEdit({ ...article, status: 'IN_REVIEW' }, alice)).toBe(false);
    expect(mayEdit({ ...article, owner: 'bob' }, alice)).toBe(false);
    expect(mayEdit({ ...article, status: 'PUBLISHED' }, erin)).toBe(true);
    expect(mayEdit({ ...article, status: 'ARCHIVED' }, erin)).toBe(false);
    expect(mayEdit(article, { username: 'carl', roles: ['curator'] })).toBe(false);
  });
});

describe('toRequest with sections', () => {
  it('sends the chosen sections, and keeps a saved article’s section when none is chosen', () => {
    const content = contentOf({ headline: 'a', tags: [], byline: [], primarySectionId: 'cloud', secondarySectionIds: ['opinion'] });
    expect(toRequest(content)).toMatchObject({ primarySectionId: 'cloud', secondarySectionIds: ['opinion'] });
    const saved = { ...content, id: 'x', primarySectionId: 'news' } as unknown as Parameters<typeof toRequest>[1];
    expect(toRequest({ ...content, primarySectionId: null }, saved).primarySectionId).toBe('news');
    expect(toRequest(contentOf({ headline: 'a', tags: [], byline: [] })).primarySectionId).toBeNull();
  });

  it('notices a section change (dirty tracking, autosave)', () => {
    const content = contentOf({ headline: 'a', tags: [], byline: [], primarySectionId: 'cloud' });
    expect(sameContent(content, { ...content, primarySectionId: 'news' })).toBe(false);
    expect(sameContent(content, { ...content, secondarySectionIds: ['opinion'] })).toBe(false);
  });
});

describe('sameContent', () => {
  it('ignores blank versus missing', () => {
    expect(sameContent(contentOf({ headline: 'a', tags: [], byline: [] }), { headline: 'a', dek: '', tags: [], byline: [] })).toBe(true);
    expect(sameContent(contentOf({ headline: 'a', tags: [], byline: [] }), contentOf({ headline: 'b', tags: [], byline: [] }))).toBe(false);
  });

  it('sees a library picture chosen, replaced, removed or described for this article (dirty tracking, autosave)', () => {
    const pasted = contentOf({ headline: 'a', heroImage: { url: 'https://img/1.jpg', alt: 'Servers' }, tags: [], byline: [] });
    const chosen = { ...pasted, heroImage: { mediaId: 'm1', url: '', alt: '', caption: '', credit: '' } };
    expect(sameContent(pasted, chosen)).toBe(false);
    expect(sameContent(chosen, { ...chosen, heroImage: { ...chosen.heroImage, mediaId: 'm2' } })).toBe(false);
    expect(sameContent(chosen, { ...chosen, heroImage: { ...chosen.heroImage, alt: 'Two boats' } })).toBe(false);
    expect(sameContent(chosen, { ...chosen, heroImage: { mediaId: '', url: '', alt: '', caption: '', credit: '' } })).toBe(false);
    expect(sameContent(chosen, { ...chosen, heroImage: { ...chosen.heroImage, url: '/public/v1/media/m1/16x9.jpg', alt: '  ' } })).toBe(true);
  });
});
