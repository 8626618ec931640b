import { describe, expect, it } from 'vitest';
import { keyboardMoveTarget, moveAnnouncement, moveItem } from './reorder';

describe('moveItem', () => {
  it('moves down and up without touching the input', () => {
    const items = ['a', 'b', 'c', 'd'];
    expect(moveItem(items, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(items, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(items).toEqual(['a', 'b', 'c', 'd']);
  });

  it('clamps the target and ignores an unknown source', () => {
    expect(moveItem(['a', 'b'], 0, 9)).toEqual(['b', 'a']);
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });
});

describe('keyboardMoveTarget', () => {
  it('moves with Alt+arrows, Alt+Home and Alt+End', () => {
    expect(keyboardMoveTarget(1, 4, 'ArrowUp', true)).toBe(0);
    expect(keyboardMoveTarget(1, 4, 'ArrowDown', true)).toBe(2);
    expect(keyboardMoveTarget(2, 4, 'Home', true)).toBe(0);
    expect(keyboardMoveTarget(0, 4, 'End', true)).toBe(3);
  });

  it('does nothing without Alt, at the ends, or for other keys', () => {
    expect(keyboardMoveTarget(1, 4, 'ArrowUp', false)).toBeNull();
    expect(keyboardMoveTarget(0, 4, 'ArrowUp', true)).toBeNull();
    expect(keyboardMoveTarget(3, 4, 'ArrowDown', true)).toBeNull();
    expect(keyboardMoveTarget(1, 4, 'Enter', true)).toBeNull();
  });
});

describe('moveAnnouncement', () => {
  it('says where the item went, counting from one', () => {
    expect(moveAnnouncement('Outage', 0, 4)).toBe('Moved “Outage” to position 1 of 4.');
  });
});
