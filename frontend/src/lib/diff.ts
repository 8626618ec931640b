import { CONTENT_FIELDS, fieldValue, pictureWords, type ContentField } from './conflict';
import type { ArticleContent, LineChange } from './types';

export type CellKind = 'same' | 'removed' | 'added' | 'empty';

/** A run of text in a changed line: {@code changed} marks the words that differ from the other side. */
export interface WordPart {
  text: string;
  changed: boolean;
}

export interface DiffCell {
  line: number | null;
  text: string;
  kind: CellKind;
  /** For removed and added lines: the line split into unchanged and changed words. */
  parts?: WordPart[];
}

export interface DiffRow {
  left: DiffCell;
  right: DiffCell;
}

const EMPTY: DiffCell = { line: null, text: '', kind: 'empty' };

export function splitLines(text: string | null | undefined): string[] {
  return text ? text.split('\n') : [];
}

/** Words (letters, digits and the marks inside words), runs of spaces, line breaks, and single punctuation marks. */
export function tokenize(text: string): string[] {
  return text.match(/\n|[^\S\n]+|[\p{L}\p{N}_]+(?:['’.-][\p{L}\p{N}_]+)*|[^\s\p{L}\p{N}_]/gu) ?? [];
}

const isSpace = (token: string) => /^\s+$/.test(token);

/** Beyond this many token pairs the LCS table is too big for a browser tab: the texts are marked changed as a whole. */
const MAX_CELLS = 4_000_000;

/**
 * Word-by-word difference of two texts: a longest common subsequence of their tokens; what is not in it is changed.
 * Spaces between two changed words count as changed (one mark, not a mark per word); when the texts share almost
 * nothing they are marked changed as a whole rather than speckled with common words.
 */
export function wordDiff(oldText: string, newText: string): { left: WordPart[]; right: WordPart[] } {
  const a = tokenize(oldText);
  const b = tokenize(newText);
  const inA = new Array<boolean>(a.length).fill(false);
  const inB = new Array<boolean>(b.length).fill(false);
  if (a.length * b.length <= MAX_CELLS) {
    // lengths[i][j]: LCS of a[i..] and b[j..], one flat array
    const width = b.length + 1;
    const lengths = new Uint32Array((a.length + 1) * width);
    for (let i = a.length - 1; i >= 0; i--) {
      for (let j = b.length - 1; j >= 0; j--) {
        lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) {
        inA[i++] = true;
        inB[j++] = true;
      } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
        i++;
      } else {
        j++;
      }
    }
  }
  const shared = a.reduce((n, t, k) => n + (inA[k] && !isSpace(t) ? t.length : 0), 0);
  const total = Math.max(1, Math.min(nonSpaceLength(a), nonSpaceLength(b)));
  const tooLittleInCommon = shared / total < 0.25;
  return { left: parts(a, inA, tooLittleInCommon), right: parts(b, inB, tooLittleInCommon) };
}

function nonSpaceLength(tokens: string[]): number {
  return tokens.reduce((n, t) => n + (isSpace(t) ? 0 : t.length), 0);
}

function parts(tokens: string[], common: boolean[], allChanged: boolean): WordPart[] {
  const changed = tokens.map((_, k) => allChanged || !common[k]);
  // a space between two changed tokens is part of the change; a line break never is (it separates the lines)
  for (let k = 1; k < tokens.length - 1; k++) {
    if (isSpace(tokens[k]) && tokens[k] !== '\n' && !changed[k] && changed[k - 1] && changed[k + 1] && tokens[k - 1] !== '\n' && tokens[k + 1] !== '\n') {
      changed[k] = true;
    }
  }
  const out: WordPart[] = [];
  tokens.forEach((text, k) => {
    const last = out[out.length - 1];
    if (last && last.changed === changed[k]) last.text += text;
    else out.push({ text, changed: changed[k] });
  });
  return out;
}

/** Word parts of several lines joined by "\n", back into one list of parts per line. */
export function partsByLine(parts: WordPart[]): WordPart[][] {
  const lines: WordPart[][] = [[]];
  for (const part of parts) {
    part.text.split('\n').forEach((piece, k) => {
      if (k > 0) lines.push([]);
      if (piece) lines[lines.length - 1].push({ text: piece, changed: part.changed });
    });
  }
  return lines;
}

/**
 * Side-by-side rows for two texts from the server's line hunks (1-based positions): unchanged lines pair up,
 * a hunk's removed lines face its added lines, and inside a hunk only the words that changed are marked.
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
    const words = hunk.removed.length && hunk.added.length ? wordDiff(hunk.removed.join('\n'), hunk.added.join('\n')) : null;
    const leftParts = words ? partsByLine(words.left) : [];
    const rightParts = words ? partsByLine(words.right) : [];
    const count = Math.max(hunk.removed.length, hunk.added.length);
    for (let k = 0; k < count; k++) {
      const left: DiffCell =
        k < hunk.removed.length ? { line: i + k + 1, text: hunk.removed[k], kind: 'removed', parts: leftParts[k] ?? whole(hunk.removed[k]) } : EMPTY;
      const right: DiffCell =
        k < hunk.added.length ? { line: j + k + 1, text: hunk.added[k], kind: 'added', parts: rightParts[k] ?? whole(hunk.added[k]) } : EMPTY;
      rows.push({ left, right });
    }
    i += hunk.removed.length;
    j += hunk.added.length;
  }
  while (i < a.length && j < b.length) same();
  while (i < a.length) rows.push({ left: { line: i + 1, text: a[i], kind: 'removed', parts: whole(a[i++]) }, right: EMPTY });
  while (j < b.length) rows.push({ left: EMPTY, right: { line: j + 1, text: b[j], kind: 'added', parts: whole(b[j++]) } });
  return rows;
}

function whole(text: string): WordPart[] {
  return text ? [{ text, changed: true }] : [];
}

/** A field value from the diff API in words ("—" for nothing, lists joined). */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `${k}: ${showValue(v)}`)
      .join('; ') || '—';
  }
  return String(value);
}

/** One changed field of two revisions, labelled for people, with its words marked. */
export interface FieldRow {
  field: ContentField;
  label: string;
  from: string;
  to: string;
  left: WordPart[];
  right: WordPart[];
  /** What happened, in words, where the values alone do not say it (the hero image's library picture). */
  note?: string;
}

/** "picture changed", "picture chosen from the media library", "library picture removed"; null when the same. */
export function pictureChange(from: string | null | undefined, to: string | null | undefined): string | null {
  const a = from?.trim() ?? '';
  const b = to?.trim() ?? '';
  if (a === b) return null;
  if (!a) return 'picture chosen from the media library';
  if (!b) return 'library picture removed';
  return 'picture changed';
}

/**
 * The fields other than the body that differ between two revisions, in the editor's order and words: bylines as
 * author names ({@code authorName}), tags as a list, the hero image field by field, its library picture as what
 * happened to it ("Hero image: picture changed").
 */
export function fieldRows(a: ArticleContent, b: ArticleContent, authorName: (id: string) => string): FieldRow[] {
  const rows: FieldRow[] = [];
  for (const [field, label] of CONTENT_FIELDS) {
    if (field === 'body') continue;
    if (field === 'heroImage.mediaId') {
      const note = pictureChange(fieldValue(a, field), fieldValue(b, field));
      if (!note) continue;
      const from = pictureWords(fieldValue(a, field));
      const to = pictureWords(fieldValue(b, field));
      const words = from && to ? wordDiff(from, to) : { left: whole(from), right: whole(to) };
      rows.push({ field, label, from, to, left: words.left, right: words.right, note });
      continue;
    }
    const from = field === 'byline' ? (a.byline ?? []).map(authorName).join(', ') : fieldValue(a, field);
    const to = field === 'byline' ? (b.byline ?? []).map(authorName).join(', ') : fieldValue(b, field);
    if (from === to && (field !== 'byline' || sameList(a.byline, b.byline))) continue;
    const words = from && to ? wordDiff(from, to) : { left: whole(from), right: whole(to) };
    rows.push({ field, label, from, to, left: words.left, right: words.right });
  }
  return rows;
}

function sameList(x: string[] | undefined, y: string[] | undefined): boolean {
  return (x ?? []).join(',') === (y ?? []).join(',');
}
