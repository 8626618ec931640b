import { describe, expect, it } from 'vitest';
import { RELATED_MAX, addRelated, cannotAdd, moveRelated, movedWords, relatedCandidates, relatedLabel, removeRelated, unknownIds } from './related';
import type { ArticleSummary } from './types';

const summary = (id: string, headline = `Headline ${id}`): ArticleSummary => ({
  id,
  slug: id,
  headline,
  status: 'PUBLISHED',
  live: true,
  tags: [],
  byline: [],
  owner: 'alice',
  updatedAt: '2026-12-01T00:00:00Z',
});

describe('related articles', () => {
  it('adds at the end, once, never the article itself, at most ten', () => {
    expect(addRelated(['a'], 'b', 'self')).toEqual(['a', 'b']);
    expect(addRelated(['a', 'b'], 'a', 'self')).toEqual(['a', 'b']);
    expect(addRelated(['a'], 'self', 'self')).toEqual(['a']);
    expect(addRelated([], 'x', null)).toEqual(['x']);
    const full = Array.from({ length: RELATED_MAX }, (_, i) => `id${i}`);
    expect(addRelated(full, 'more', 'self')).toEqual(full);
    expect(cannotAdd(full, 'more', 'self')).toMatch(/at most 10/);
    expect(cannotAdd(['a'], 'a', null)).toBe('It is already in the list.');
    expect(cannotAdd([], 'self', 'self')).toBe('An article cannot be related to itself.');
    expect(cannotAdd(['a'], 'b', 'self')).toBeNull();
  });

  it('moves one place up or down and stays put at the ends', () => {
    expect(moveRelated(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveRelated(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveRelated(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveRelated(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(movedWords('Harbour tolls', 0, 3)).toBe('Moved “Harbour tolls” to position 1 of 3.');
  });

  it('removes by position', () => {
    expect(removeRelated(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
    expect(removeRelated(['a'], 5)).toEqual(['a']);
  });

  it('offers search results not picked yet and not the article itself', () => {
    const results = [summary('self'), summary('a'), summary('b'), summary('c')];
    expect(relatedCandidates(results, ['b'], 'self').map((a) => a.id)).toEqual(['a', 'c']);
    expect(relatedCandidates(results, [], null, 2).map((a) => a.id)).toEqual(['self', 'a']);
  });

  it('shows each pick by its headline, in plain words when it is not published, deleted or loading', () => {
    expect(relatedLabel('a', { headline: 'Harbour tolls rise', live: true })).toBe('Harbour tolls rise');
    expect(relatedLabel('a', { headline: 'Embargoed', live: false })).toBe('Embargoed (not published: readers see it once it is)');
    expect(relatedLabel('0123456789', undefined)).toBe('Article 01234567…');
    expect(relatedLabel('a', null)).toMatch(/deleted/);
    expect(unknownIds(['a', 'b', 'c'], { a: null, c: { headline: 'C', live: true } })).toEqual(['b']);
  });
});
