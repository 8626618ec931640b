/** Moving items of an ordered list, by drag and drop or by keyboard, and the words announced for it. */

export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length) return [...items];
  const target = Math.max(0, Math.min(items.length - 1, to));
  const copy = [...items];
  const [moved] = copy.splice(from, 1);
  copy.splice(target, 0, moved);
  return copy;
}

/** Alt+ArrowUp / Alt+ArrowDown (and Alt+Home / Alt+End) → the new index, or null when the key does not move. */
export function keyboardMoveTarget(index: number, length: number, key: string, altKey: boolean): number | null {
  if (!altKey) return null;
  let target: number;
  switch (key) {
    case 'ArrowUp':
      target = index - 1;
      break;
    case 'ArrowDown':
      target = index + 1;
      break;
    case 'Home':
      target = 0;
      break;
    case 'End':
      target = length - 1;
      break;
    default:
      return null;
  }
  return target < 0 || target >= length || target === index ? null : target;
}

export function moveAnnouncement(label: string, to: number, length: number): string {
  return `Moved “${label}” to position ${to + 1} of ${length}.`;
}
