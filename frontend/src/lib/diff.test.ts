import { describe, expect, it } from 'vitest';
import { fieldRows, partsByLine, pictureChange, showValue, sideBySide, tokenize, wordDiff, type WordPart } from './diff';

const marked = (parts: WordPart[]) => parts.filter((p) => p.changed).map((p) => p.text);
const text = (parts: WordPart[]) => parts.map((p) => p.text).join('');

describe('sideBySide', () => {
  it('pairs unchanged lines and faces removed with added lines', () => {
    const rows = sideBySide('a\nb\nc\nd', 'a\nB\nc\nd\ne', [
      { type: 'change', fromLine: 2, removed: ['b'], toLine: 2, added: ['B'] },
      { type: 'insert', fromLine: 5, removed: [], toLine: 5, added: ['e'] },
    ]);
    expect(rows.map((r) => [r.left.kind, r.left.text, r.right.kind, r.right.text])).toEqual([
      ['same', 'a', 'same', 'a'],
      ['removed', 'b', 'added', 'B'],
      ['same', 'c', 'same', 'c'],
      ['same', 'd', 'same', 'd'],
      ['empty', '', 'added', 'e'],
    ]);
    expect(rows[4].right.line).toBe(5);
  });

  it('handles a deletion with an uneven hunk', () => {
    const rows = sideBySide('x\ny\nz', 'x\nz', [{ type: 'delete', fromLine: 2, removed: ['y'], toLine: 2, added: [] }]);
    expect(rows.map((r) => `${r.left.kind}:${r.left.line}|${r.right.kind}:${r.right.line}`)).toEqual([
      'same:1|same:1', 'removed:2|empty:null', 'same:3|same:2',
    ]);
  });

  it('shows a whole new body as added', () => {
    expect(sideBySide('', 'one\ntwo', [{ type: 'insert', fromLine: 1, removed: [], toLine: 1, added: ['one', 'two'] }]).map((r) => r.right.kind)).toEqual(['added', 'added']);
  });
});

describe('showValue', () => {
  it('puts values in words', () => {
    expect(showValue(null)).toBe('—');
    expect(showValue(['a', 'b'])).toBe('a, b');
    expect(showValue('x')).toBe('x');
    expect(showValue({ url: 'https://img.example/a.jpg', alt: 'A desk', caption: null })).toBe('url: https://img.example/a.jpg; alt: A desk');
  });
});

describe('wordDiff', () => {
  it('marks only the words that changed in a long paragraph', () => {
    const before = 'The minister said on Tuesday that the budget would be balanced by 2027, according to officials.';
    const after = 'The finance minister said on Wednesday that the budget would be balanced by 2028, according to officials.';
    const { left, right } = wordDiff(before, after);
    expect(marked(left)).toEqual(['Tuesday', '2027']);
    expect(marked(right)).toEqual(['finance ', 'Wednesday', '2028']);
    expect(text(left)).toBe(before);
    expect(text(right)).toBe(after);
  });

  it('joins neighbouring changed words with the space between them into one mark', () => {
    const { left, right } = wordDiff('a quick brown fox', 'a slow red fox');
    expect(marked(left)).toEqual(['quick brown']);
    expect(marked(right)).toEqual(['slow red']);
  });

  it('marks texts with next to nothing in common as changed as a whole, not speckled', () => {
    const { left, right } = wordDiff('Completely different words here', 'Nothing alike at all here');
    expect(left.every((p) => p.changed)).toBe(true);
    expect(right.every((p) => p.changed)).toBe(true);
  });

  it('keeps punctuation and URLs as tokens of their own', () => {
    expect(tokenize('Hello, world: it’s 3.5%')).toEqual(['Hello', ',', ' ', 'world', ':', ' ', 'it’s', ' ', '3.5', '%']);
    const { right } = wordDiff('see https://a.example/x', 'see https://a.example/y');
    expect(marked(right)).toEqual(['y']);
  });
});

describe('sideBySide word marks', () => {
  it('marks words across a hunk of several lines and splits them back per line', () => {
    const rows = sideBySide('intro\nOne two three\nfour five', 'intro\nOne 2 three\nfour five six', [
      { type: 'change', fromLine: 2, removed: ['One two three', 'four five'], toLine: 2, added: ['One 2 three', 'four five six'] },
    ]);
    expect(rows[0].left.parts).toBeUndefined();
    expect(marked(rows[1].left.parts!)).toEqual(['two']);
    expect(marked(rows[1].right.parts!)).toEqual(['2']);
    expect(marked(rows[2].left.parts!)).toEqual([]);
    expect(marked(rows[2].right.parts!)).toEqual([' six']);
  });

  it('marks a line that only one side has as changed as a whole', () => {
    const rows = sideBySide('x', 'x\nnew line', [{ type: 'insert', fromLine: 2, removed: [], toLine: 2, added: ['new line'] }]);
    expect(rows[1].right.parts).toEqual([{ text: 'new line', changed: true }]);
  });

  it('splits parts at line breaks', () => {
    expect(partsByLine([{ text: 'a\nb', changed: true }, { text: ' c', changed: false }])).toEqual([[{ text: 'a', changed: true }], [{ text: 'b', changed: true }, { text: ' c', changed: false }]]);
  });
});

describe('fieldRows', () => {
  const base = {
    headline: 'Budget talks resume',
    slug: 'budget-talks',
    dek: 'Ministers meet again.',
    heroImage: { url: 'https://img.example/hero.jpg', alt: 'A newsroom at night', credit: 'Staff' },
    tags: ['policy'],
    byline: ['id-jane'],
  };
  const names = (id: string) => ({ 'id-jane': 'Jane Doe', 'id-sam': 'Sam Roe' })[id] ?? 'an unknown author';

  it('labels fields in words, names the byline, and leaves unchanged fields out', () => {
    const rows = fieldRows(base, { ...base, headline: 'Budget talks stall', heroImage: { ...base.heroImage, alt: 'A newsroom at dawn' }, byline: ['id-jane', 'id-sam'] }, names);
    expect(rows.map((r) => r.label)).toEqual(['Headline', 'Hero image alt text', 'Byline']);
    expect(rows[2].from).toBe('Jane Doe');
    expect(rows[2].to).toBe('Jane Doe, Sam Roe');
    expect(marked(rows[0].right)).toEqual(['stall']);
    expect(marked(rows[1].left)).toEqual(['night']);
  });

  it('says "Hero image: picture changed" when the library picture changed, without its derived address', () => {
    const a = { ...base, heroImage: { mediaId: '3f2a9c1e-aaaa', url: '/public/v1/media/3f2a9c1e/16x9.jpg', alt: null } };
    const b = { ...base, heroImage: { mediaId: '77bb0d4f-bbbb', url: '/public/v1/media/77bb0d4f/16x9.jpg', alt: null } };
    const rows = fieldRows(a, b, names);
    expect(rows.map((r) => `${r.label}: ${r.note}`)).toEqual(['Hero image: picture changed']);
    expect(rows[0].from).toBe('Picture 3f2a9c1e from the media library');
    expect(marked(rows[0].right)).toEqual(['77bb0d4f']);
    expect(fieldRows(a, { ...a, heroImage: { ...a.heroImage, url: '/public/v1/media/3f2a9c1e/16x9-v2.jpg' } }, names)).toEqual([]);
  });

  it('says when a library picture replaced a pasted address, and when it was removed', () => {
    const chosen = { ...base, heroImage: { mediaId: '3f2a9c1e-aaaa', alt: null } };
    expect(fieldRows(base, chosen, names).map((r) => (r.note ? `${r.label}: ${r.note}` : r.label))).toEqual([
      'Hero image: picture chosen from the media library',
      'Hero image URL',
      'Hero image alt text',
      'Hero image credit',
    ]);
    expect(fieldRows(chosen, { ...base, heroImage: null }, names).map((r) => `${r.label}: ${r.note}`)).toEqual(['Hero image: library picture removed']);
    expect(pictureChange('a', 'a')).toBeNull();
    expect(pictureChange(null, '')).toBeNull();
  });

  it('shows a removed hero image field by field, never as JSON', () => {
    const rows = fieldRows(base, { ...base, heroImage: null }, names);
    expect(rows.map((r) => r.label)).toEqual(['Hero image URL', 'Hero image alt text', 'Hero image credit']);
    expect(rows.every((r) => r.to === '' && !r.from.includes('{'))).toBe(true);
  });
});
