import { describe, expect, it } from 'vitest';
import { attentionFor, hasChangesRequested, statusLabel, type DashboardArticle } from './dashboard';
import { query } from './api';

const article = (over: Partial<DashboardArticle>): DashboardArticle => ({
  id: over.id ?? 'a1',
  slug: 'a',
  headline: 'A',
  status: 'DRAFT',
  live: false,
  tags: [],
  byline: [],
  owner: 'alice',
  updatedAt: '2026-11-30T10:00:00Z',
  ...over,
});

describe('statusLabel', () => {
  it('says "Changes requested" for a draft an editor sent back', () => {
    expect(statusLabel(article({ status: 'DRAFT', changesRequested: true }))).toBe('Changes requested');
  });

  it('says the plain status otherwise, also when the API does not know the flag', () => {
    expect(statusLabel(article({ status: 'DRAFT', changesRequested: false }))).toBe('Draft');
    expect(statusLabel(article({ status: 'DRAFT' }))).toBe('Draft');
    expect(statusLabel(article({ status: 'IN_REVIEW', changesRequested: true }))).toBe('In review');
    expect(statusLabel(article({ status: 'PUBLISHED' }))).toBe('Published');
  });
});

describe('attentionFor', () => {
  const items = [
    article({ id: 'sent-back', status: 'DRAFT', changesRequested: true }),
    article({ id: 'fresh-draft', status: 'DRAFT', changesRequested: false }),
    article({ id: 'old-api-draft', status: 'DRAFT' }),
    article({ id: 'in-review', status: 'IN_REVIEW' }),
    article({ id: 'live', status: 'PUBLISHED', live: true }),
  ];

  it('gives writers their own drafts with changes requested', () => {
    const view = attentionFor(['writer'])!;
    expect(query(view.params)).toBe('?mine=true&status=DRAFT&changesRequested=true&sort=-updated');
    expect(view.select(items).map((a) => a.id)).toEqual(['sent-back']);
    expect(view.filter).toEqual({ scope: 'mine', status: 'DRAFT' });
  });

  it('gives editors and admins the articles in review, oldest first', () => {
    for (const roles of [['editor'], ['admin', 'writer', 'editor']]) {
      const view = attentionFor(roles)!;
      expect(query(view.params)).toBe('?status=IN_REVIEW&sort=updated');
      expect(view.select(items).map((a) => a.id)).toEqual(['in-review']);
    }
  });

  it('gives nothing to people without articles to act on', () => {
    expect(attentionFor(['curator'])).toBeNull();
    expect(attentionFor([])).toBeNull();
  });

  it('keeps nothing when the API answers without the flag (an older articles service ignores the filter)', () => {
    const view = attentionFor(['writer'])!;
    expect(view.select([article({ status: 'DRAFT' }), article({ status: 'DRAFT' })])).toEqual([]);
    expect(hasChangesRequested(article({ status: 'DRAFT', changesRequested: true }))).toBe(true);
  });
});
