import type { LineChange } from './types';

export type CellKind = 'same' | 'removed' | 'added' | 'empty';

export interface DiffCell {
  line: number | null;
  text: string;
  kind: CellKind;
}

export interface DiffRow {
  left: DiffCell;
  right: DiffCell;
}

const EMPTY: DiffCell = { line: null, text: '', kind: 'empty' };

export function splitLines(text: string | null | undefined): string[] {
  return text ? text.split('\n') : [];
}

/**
 * Side-by-side rows for two texts from the server's line hunks (1-based positions): unchanged lines pair up,
 * a hunk's removed lines face its added lines.
 */
export function sideBySide(oldText: string | null | undefined, newText: string | null | undefined, hunks: LineChange[]): DiffRow[] {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  const same = () => {
    rows.push({ left: { line: i + 1, text: a[i], kind: 'same' }, right: { line: j + 1, text: b[j], kind: 'same' } });
    i++;
    j++;
  };
  for (const hunk of [...hunks].sort((x, y) => x.fromLine - y.fromLine)) {
    while (i < hunk.fromLine - 1 && i < a.length && j < b.length) same();
    const count = Math.max(hunk.removed.length, hunk.added.length);
    for (let k = 0; k < count; k++) {
      const left: DiffCell = k < hunk.removed.length ? { line: i + k + 1, text: hunk.removed[k], kind: 'removed' } : EMPTY;
      const right: DiffCell = k < hunk.added.length ? { line: j + k + 1, text: hunk.added[k], kind: 'added' } : EMPTY;
      rows.push({ left, right });
    }
    i += hunk.removed.length;
    j += hunk.added.length;
  }
  while (i < a.length && j < b.length) same();
  while (i < a.length) rows.push({ left: { line: i + 1, text: a[i++], kind: 'removed' }, right: EMPTY });
  while (j < b.length) rows.push({ left: EMPTY, right: { line: j + 1, text: b[j++], kind: 'added' } });
  return rows;
}

/** A field value from the diff API in words ("—" for nothing, lists joined). */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
