import { describe, expect, it } from 'vitest';
import { showValue, sideBySide } from './diff';

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
  });
});
