import { describe, expect, it } from 'vitest';
import { contentOf, mayEdit, sameContent, toRequest } from './articleForm';
import type { Article } from './types';

const article = { id: '1', slug: 'outage', headline: 'Outage', status: 'DRAFT', owner: 'alice', tags: [], byline: [] } as unknown as Article;

describe('toRequest', () => {
  it('clears blanks and drops an empty image', () => {
    const body = toRequest(contentOf({ headline: ' Outage ', dek: '', tags: ['cloud'], byline: [] }));
    expect(body).toEqual({ slug: null, headline: 'Outage', dek: null, body: '', heroImage: null, tags: ['cloud'], byline: [] });
  });

  it('keeps the current slug and a partly filled image', () => {
    const body = toRequest(contentOf({ headline: 'x', heroImage: { url: 'https://img/1.jpg' }, tags: [], byline: [] }), article);
    expect(body.slug).toBe('outage');
    expect(body.heroImage).toEqual({ url: 'https://img/1.jpg', alt: null, caption: null, credit: null });
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

describe('sameContent', () => {
  it('ignores blank versus missing', () => {
    expect(sameContent(contentOf({ headline: 'a', tags: [], byline: [] }), { headline: 'a', dek: '', tags: [], byline: [] })).toBe(true);
    expect(sameContent(contentOf({ headline: 'a', tags: [], byline: [] }), contentOf({ headline: 'b', tags: [], byline: [] }))).toBe(false);
  });
});
