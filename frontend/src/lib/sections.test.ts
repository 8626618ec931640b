import { describe, expect, it } from 'vitest';
import {
  formOf,
  parentChoices,
  reorderRequest,
  sectionFormErrors,
  sectionLabel,
  sectionOptions,
  sectionRequest,
  sectionTree,
  stepPosition,
  subtreeIds,
  toggleSecondary,
  withoutPrimary,
  type Section,
} from './sections';

const s = (id: string, name: string, parentId: string | null, position: number): Section => ({
  id,
  slug: name.toLowerCase(),
  name,
  parentId,
  position,
  path: [],
  depth: 0,
  version: 0,
});

const items: Section[] = [
  s('news', 'News', null, 0),
  s('opinion', 'Opinion', null, 2),
  s('business', 'Business', null, 1),
  s('cloud', 'Cloud', 'news', 1),
  s('chips', 'Chips', 'news', 0),
  s('edge', 'Edge', 'cloud', 0),
];

describe('sectionTree', () => {
  it('nests the flat list and orders siblings by position', () => {
    const tree = sectionTree(items);
    expect(tree.map((n) => n.id)).toEqual(['news', 'business', 'opinion']);
    expect(tree[0].children.map((n) => n.id)).toEqual(['chips', 'cloud']);
    expect(tree[0].children[1].children.map((n) => n.id)).toEqual(['edge']);
  });

  it('shows a section whose parent is unknown at the top rather than losing it', () => {
    expect(sectionTree([s('orphan', 'Orphan', 'gone', 0)]).map((n) => n.id)).toEqual(['orphan']);
  });
});

describe('sectionLabel and sectionOptions', () => {
  it('names a section with its ancestors', () => {
    expect(sectionLabel(items, 'edge')).toBe('News › Cloud › Edge');
    expect(sectionLabel(items, 'news')).toBe('News');
    expect(sectionLabel(items, null)).toBe('');
  });

  it('lists the picker depth first', () => {
    expect(sectionOptions(items).map((o) => [o.id, o.depth])).toEqual([
      ['news', 0],
      ['chips', 1],
      ['cloud', 1],
      ['edge', 2],
      ['business', 0],
      ['opinion', 0],
    ]);
  });
});

describe('parentChoices', () => {
  it('never offers the section itself or one under it (no cycles)', () => {
    expect(subtreeIds(items, 'news')).toEqual(new Set(['news', 'chips', 'cloud', 'edge']));
    expect(parentChoices(items, 'news').map((c) => c.id)).toEqual(['', 'business', 'opinion']);
    expect(parentChoices(items, 'cloud').map((c) => c.id)).toEqual(['', 'news', 'chips', 'business', 'opinion']);
    expect(parentChoices(items, null)).toHaveLength(items.length + 1);
  });
});

describe('stepPosition', () => {
  it('moves among siblings and stops at the ends', () => {
    const cloud = items.find((i) => i.id === 'cloud')!;
    expect(stepPosition(items, cloud, -1)).toBe(0);
    expect(stepPosition(items, cloud, 1)).toBeNull();
    const news = items.find((i) => i.id === 'news')!;
    expect(stepPosition(items, news, -1)).toBeNull();
    expect(stepPosition(items, news, 1)).toBe(1);
  });
});

describe('sectionRequest', () => {
  it('sends blanks as null and the position only when reordering', () => {
    expect(sectionRequest({ name: ' Cloud ', slug: ' ', description: '', parentId: '' })).toEqual({
      name: 'Cloud',
      slug: null,
      description: null,
      parentId: null,
    });
    expect(reorderRequest(items[3], 0)).toEqual({ name: 'Cloud', slug: 'cloud', description: null, parentId: 'news', position: 0 });
    expect(formOf(null, 'news')).toEqual({ name: '', slug: '', description: '', parentId: 'news' });
  });
});

describe('secondary sections', () => {
  it('drops the primary section and repeats from the secondary ones', () => {
    expect(withoutPrimary(['cloud', 'opinion', 'cloud'], 'opinion')).toEqual(['cloud']);
    expect(withoutPrimary([], null)).toEqual([]);
  });

  it('toggles one on and off', () => {
    expect(toggleSecondary(['cloud'], 'opinion', true)).toEqual(['cloud', 'opinion']);
    expect(toggleSecondary(['cloud'], 'cloud', true)).toEqual(['cloud']);
    expect(toggleSecondary(['cloud', 'opinion'], 'cloud', false)).toEqual(['opinion']);
  });
});

describe('sectionFormErrors', () => {
  it('puts each field error at its field, in plain words, and repeats none of them', () => {
    const result = sectionFormErrors(
      {
        detail: 'A section cannot move under one of its own subsections',
        errors: [
          { field: 'parentId', message: 'is this section or one under it: pick a section outside it' },
          { field: 'slug', message: 'already taken by another section' },
        ],
      },
      'failed',
    );
    expect(result.fields.parentId).toMatch(/cannot go under itself/);
    expect(result.fields.slug).toBe('Another section has (or had) this address. Choose another.');
    expect(result.message).toBeNull();
  });

  it('says what no field shows once, in the detail', () => {
    expect(sectionFormErrors({ detail: "The section 'cloud' still has articles: move them to another section first" }, 'failed')).toEqual({
      fields: {},
      message: "The section 'cloud' still has articles: move them to another section first",
    });
    expect(sectionFormErrors(undefined, 'The server cannot be reached.').message).toBe('The server cannot be reached.');
    expect(sectionFormErrors({ errors: [{ field: 'position', message: 'must be less than or equal to 10000' }] }, 'x').message).toBe(
      'Must be less than or equal to 10000.',
    );
  });
});
