/**
 * The media library's pure logic: addresses, pictures (srcset/sizes), the focal point, the description form and its
 * checks, problems in words, the grid's pages, usages, and what the MediaPicker hands to a form.
 * Uploads (file checks, answers, progress) are in `uploads.ts`.
 */
import { fieldKey, fieldLabel, plainMessage, type Problem } from '../problem';
import { query } from './api';
import { blankToNull, parseTags } from './format';
import type { FocalPoint, MediaItem, MediaPage, MediaShape, MediaShapeName, MediaUsage } from './types';

// --- addresses ---

export const MEDIA_PAGE_SIZE = 40;

export function mediaListUrl({ q, tag, cursor, limit = MEDIA_PAGE_SIZE }: { q?: string | null; tag?: string | null; cursor?: string | null; limit?: number }): string {
  return '/api/media' + query({ q: q?.trim(), tag: tag?.trim(), cursor, limit });
}

export const mediaUrl = (id: string) => `/api/media/${encodeURIComponent(id)}`;

/** Where the library page shows one picture (the grid stays, the detail panel opens beside it). */
export const mediaPagePath = (id: string) => `/media/${encodeURIComponent(id)}`;

// --- pictures: srcset and sizes ---

export interface SrcsetCandidate {
  url: string;
  width: number;
}

/** "a.webp 320w, b.webp 640w" → candidates, narrowest first, one per width; entries without a width are dropped. */
export function parseSrcset(srcset: string | null | undefined): SrcsetCandidate[] {
  const byWidth = new Map<number, string>();
  for (const entry of (srcset ?? '').split(',')) {
    const match = /^\s*(\S+)\s+(\d+)w\s*$/.exec(entry);
    if (!match) continue;
    const width = Number(match[2]);
    if (width > 0 && !byWidth.has(width)) byWidth.set(width, match[1]);
  }
  return [...byWidth.entries()].sort((a, b) => a[0] - b[0]).map(([width, url]) => ({ url, width }));
}

export const formatSrcset = (candidates: SrcsetCandidate[]) => candidates.map((c) => `${c.url} ${c.width}w`).join(', ');

export interface SizeRule {
  /** The rule holds while the window is at most this wide (CSS px). */
  maxWidth: number;
  /** How wide the picture is shown then: "50vw", "240px", "calc(100vw - 64px)". */
  size: string;
}

/**
 * The `sizes` attribute: the browser takes the first rule whose media condition holds, so the narrowest window comes
 * first whatever order the rules are given in; `otherwise` is the width on wider windows.
 */
export function buildSizes(rules: SizeRule[], otherwise: string): string {
  const sorted = [...rules].sort((a, b) => a.maxWidth - b.maxWidth);
  return [...sorted.map((r) => `(max-width: ${r.maxWidth}px) ${r.size}`), otherwise].join(', ');
}

/** A thumbnail in the library's grid (columns of 170–260 px; two columns on a narrow window). */
export const GRID_SIZES = buildSizes([{ maxWidth: 860, size: '50vw' }], '260px');
/** The large picture in the detail panel (a side column, full width below 1100 px). */
export const DETAIL_SIZES = buildSizes([{ maxWidth: 1100, size: '100vw' }], '460px');
/** A thumbnail in the MediaPicker dialog. */
export const PICKER_SIZES = buildSizes([{ maxWidth: 860, size: '33vw' }], '180px');

export interface PictureSource {
  type: 'image/webp' | 'image/jpeg';
  srcSet: string;
  sizes: string;
}

/** What a <picture> needs: WebP first, then JPEG, then the `src` fallback (a JPEG) for browsers without srcset. */
export interface PictureAttrs {
  sources: PictureSource[];
  src: string;
  width: number;
  height: number;
  sizes: string;
}

export function pictureAttrs(shape: MediaShape | null | undefined, sizes: string): PictureAttrs | null {
  if (!shape?.src) return null;
  const sources: PictureSource[] = [];
  const webp = formatSrcset(parseSrcset(shape.srcset?.webp));
  const jpg = formatSrcset(parseSrcset(shape.srcset?.jpg));
  if (webp) sources.push({ type: 'image/webp', srcSet: webp, sizes });
  if (jpg) sources.push({ type: 'image/jpeg', srcSet: jpg, sizes });
  return { sources, src: shape.src, width: shape.width, height: shape.height, sizes };
}

/** The shape to show for a picture: the one asked for, else its original, else any it has. */
export function shapeOf(item: Pick<MediaItem, 'renditions'>, name: MediaShapeName = 'original'): MediaShape | null {
  const r = item.renditions ?? {};
  return r[name] ?? r.original ?? Object.values(r).find((s): s is MediaShape => !!s?.src) ?? null;
}

export const CROPS: { name: Exclude<MediaShapeName, 'original'>; label: string; use: string }[] = [
  { name: '16x9', label: '16:9', use: 'Hero images and featured rails' },
  { name: '4x3', label: '4:3', use: 'Teasers' },
  { name: '1x1', label: '1:1', use: 'Squares and author photos' },
];

// --- the focal point ---

export const CENTER: FocalPoint = { x: 0.5, y: 0.5 };

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));
/** Whole percent, as the renditions are cut (and named). */
const toHundredths = (n: number) => Math.round(clamp01(n) * 100) / 100;

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where a click on the shown picture lands, as a focal point (0..1, whole percent); outside the box is clamped. */
export function focalFromClick(clientX: number, clientY: number, box: Box): FocalPoint {
  if (!(box.width > 0) || !(box.height > 0)) return CENTER;
  return { x: toHundredths((clientX - box.left) / box.width), y: toHundredths((clientY - box.top) / box.height) };
}

/** The focal point in whole percent for the number inputs (the middle when the picture has none). */
export function focalPercent(point: FocalPoint | null | undefined): { x: number; y: number } {
  const p = point ?? CENTER;
  return { x: Math.round(clamp01(p.x) * 100), y: Math.round(clamp01(p.y) * 100) };
}

/** A typed percentage ("30", "30 %", "12,5") → its number, or null when it is not one from 0 to 100. */
export function parsePercent(text: string): number | null {
  const cleaned = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value >= 0 && value <= 100 ? value : null;
}

/** Percent → the API's 0..1 (no floating-point noise: 33.5 → 0.335). */
export const fromPercent = (percent: number) => Math.round(percent * 100) / 10000;

// --- the description form ---

export const LIMITS = { altText: 1000, caption: 2000, credit: 300, copyright: 300, source: 1000 } as const;
export const TAGS_MAX = 30;
export const TAG_MAX = 60;
const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} &'._-]*$/u;

export interface MediaFormValues {
  altText: string;
  caption: string;
  credit: string;
  copyright: string;
  source: string;
  /** As typed: comma-separated. */
  tags: string;
  /** Percent, as typed in the number inputs. */
  focalX: string;
  focalY: string;
}

export function formValuesOf(item: MediaItem): MediaFormValues {
  const focal = focalPercent(item.focalPoint);
  return {
    altText: item.altText ?? '',
    caption: item.caption ?? '',
    credit: item.credit ?? '',
    copyright: item.copyright ?? '',
    source: item.source ?? '',
    tags: (item.tags ?? []).join(', '),
    focalX: String(focal.x),
    focalY: String(focal.y),
  };
}

/** The form's focal point (0..1), or null while one of the inputs holds no percentage. */
export function focalOfForm(v: Pick<MediaFormValues, 'focalX' | 'focalY'>): FocalPoint | null {
  const x = parsePercent(v.focalX);
  const y = parsePercent(v.focalY);
  return x === null || y === null ? null : { x: fromPercent(x), y: fromPercent(y) };
}

export interface MediaDescriptionBody {
  altText: string | null;
  caption: string | null;
  credit: string | null;
  copyright: string | null;
  source: string | null;
  focalPoint: FocalPoint;
  tags: string[];
}

const text = (value: string) => blankToNull(value.trim());

/** The typed tags as sent: parsed like an article's, with typographic apostrophes made plain (the API takes only '). */
export const mediaTags = (typed: string) => parseTags(typed.replace(/[\u2018\u2019]/g, "'"));

/** PUT /api/media/{id}: the whole description (a field left out would be cleared). */
export function describeBody(v: MediaFormValues): MediaDescriptionBody {
  return {
    altText: text(v.altText),
    caption: text(v.caption),
    credit: text(v.credit),
    copyright: text(v.copyright),
    source: text(v.source),
    focalPoint: focalOfForm(v) ?? CENTER,
    tags: mediaTags(v.tags),
  };
}

/** The description a picture has now, as a body to send back with one change (e.g. the MediaPicker's alt text). */
export const descriptionOf = (item: MediaItem, change: Partial<MediaFormValues> = {}) => describeBody({ ...formValuesOf(item), ...change });

export function sameDescription(a: MediaFormValues, b: MediaFormValues): boolean {
  return JSON.stringify(describeBody(a)) === JSON.stringify(describeBody(b));
}

/** "988 characters left", "1 character left", "12 characters too many". */
export function remainingText(value: string, limit: number): { text: string; over: boolean } {
  const left = limit - [...value].length;
  if (left >= 0) return { text: `${left} character${left === 1 ? '' : 's'} left`, over: false };
  return { text: `${-left} character${left === -1 ? '' : 's'} too many`, over: true };
}

/** What can be told before saving, keyed by the API's field names (so server errors land at the same inputs). */
export function checkMediaForm(v: MediaFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const key of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
    const length = [...v[key].trim()].length;
    if (length > LIMITS[key]) errors[key] = `Use at most ${LIMITS[key]} characters (this has ${length}).`;
  }
  const tags = mediaTags(v.tags);
  const tagProblems: string[] = [];
  if (tags.length > TAGS_MAX) tagProblems.push(`Use at most ${TAGS_MAX} tags (there are ${tags.length}).`);
  for (const tag of tags) {
    if ([...tag].length > TAG_MAX) tagProblems.push(`“${tag.slice(0, 20)}…” is too long: a tag has at most ${TAG_MAX} characters.`);
    else if (!TAG_PATTERN.test(tag)) tagProblems.push(`“${tag}” cannot be a tag: use letters, numbers, spaces and & ' . _ -, starting with a letter or number.`);
  }
  if (tagProblems.length) errors.tags = tagProblems.join(' ');
  if (parsePercent(v.focalX) === null) errors['focalPoint.x'] = 'Use a number from 0 (left edge) to 100 (right edge).';
  if (parsePercent(v.focalY) === null) errors['focalPoint.y'] = 'Use a number from 0 (top) to 100 (bottom).';
  return errors;
}

/** The fields the description form shows errors at; others are said in the form's problem box. */
export const FORM_FIELDS = ['altText', 'caption', 'credit', 'copyright', 'source', 'tags', 'focalPoint.x', 'focalPoint.y'] as const;
const UPLOAD_ALIASES: Record<string, string> = { focalX: 'focalPoint.x', focalY: 'focalPoint.y', focalPoint: 'focalPoint.x' };

/**
 * The form field a problem's field path belongs to: "tags[2]" → "tags", "describe.description.altText" → "altText",
 * "focalPoint.x" stays, an upload form's "focalX" → "focalPoint.x", "file" stays "file".
 */
export function mediaFieldKey(field: string): string {
  const key = fieldKey(field);
  const known = [...FORM_FIELDS, 'file'].find((f) => key === f || key.endsWith(`.${f}`));
  if (known) return known;
  const last = key.split('.').pop()!;
  if (UPLOAD_ALIASES[last]) return UPLOAD_ALIASES[last];
  return (FORM_FIELDS as readonly string[]).includes(last) ? last : key;
}

/** A field's message in plain words for that field. */
function mediaFieldMessage(key: string, message: string, field: string, sentTags?: readonly string[]): string {
  if (key.startsWith('focalPoint')) return 'Use a number from 0 to 100.';
  if (key === 'file') return fileMessage(message);
  const plain = plainMessage(message);
  if (key === 'tags') {
    const index = /\[(\d+)\]/.exec(field)?.[1];
    const tag = index !== undefined ? sentTags?.[Number(index)] : undefined;
    if (/word or short phrase/.test(message)) return tag ? `“${tag}” cannot be a tag: use a word or short phrase.` : 'Each tag must be a word or short phrase.';
    if (/^size must be between 0 and (\d+)$/.test(message.trim()) && index === undefined) return `Use at most ${/(\d+)$/.exec(message.trim())![1]} tags.`;
    return tag ? `“${tag}”: ${plain}` : plain;
  }
  return plain;
}

/** What the server says about the uploaded file, as a sentence about "the file" ("is empty" → "The file is empty."). */
export function fileMessage(message: string): string {
  const m = message.trim();
  if (/^(is|has|must|cannot|can't|does|was|contains|holds|exceeds|should)\b/i.test(m)) return plainMessage(`the file ${m}`);
  return plainMessage(m);
}

/** A problem's field errors in plain words, keyed by form field, each said once. */
export function mediaFieldErrors(problem: Problem | undefined, sentTags?: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of problem?.errors ?? []) {
    const key = mediaFieldKey(error.field);
    const words = mediaFieldMessage(key, error.message, error.field, sentTags);
    if (!out[key]) out[key] = words;
    else if (!out[key].includes(words)) out[key] = `${out[key]} ${words}`;
  }
  return out;
}

/** Field errors for fields a form does not show, as lines with their labels ("Source: Use at most … ."). */
export function elsewhereText(errors: Record<string, string>, shown: readonly string[]): string | null {
  const lines = Object.entries(errors)
    .filter(([k]) => !shown.includes(k))
    .map(([k, words]) => `${fieldLabel(k)}: ${words}`);
  return lines.length ? lines.join('\n') : null;
}

// --- the grid's pages ---

export interface MediaList {
  items: MediaItem[];
  next: string | null;
}

export const firstPage = (page: MediaPage): MediaList => ({ items: dedupe(page.items ?? []), next: page.next ?? null });

function dedupe(items: MediaItem[]): MediaItem[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.id) && seen.add(i.id));
}

/** The next page appended with its cursor; a picture already shown (the list moved on meanwhile) is not repeated. */
export function appendPage(list: MediaList, page: MediaPage): MediaList {
  return { items: dedupe([...list.items, ...(page.items ?? [])]), next: page.next ?? null };
}

/** A picture as saved: in its place when shown, else nothing changes. */
export function replaceItem(list: MediaList, item: MediaItem): MediaList {
  return list.items.some((i) => i.id === item.id) ? { ...list, items: list.items.map((i) => (i.id === item.id ? item : i)) } : list;
}

/** A new upload goes first (the list is newest first); one already shown moves there. */
export function prependItem(list: MediaList, item: MediaItem): MediaList {
  return { ...list, items: [item, ...list.items.filter((i) => i.id !== item.id)] };
}

export const removeItem = (list: MediaList, id: string): MediaList => ({ ...list, items: list.items.filter((i) => i.id !== id) });

/**
 * Whether an uploaded picture belongs in the grid as filtered now: always without filters; with a tag only when it
 * has it; with a search never (the server decides what words match, so the picture is shown by its link instead).
 */
export function showsInGrid(item: Pick<MediaItem, 'tags'>, filters: { q?: string | null; tag?: string | null }): boolean {
  if (filters.q?.trim()) return false;
  const tag = filters.tag?.trim().toLowerCase();
  return !tag || (item.tags ?? []).some((t) => t.toLowerCase() === tag);
}

// --- facts, usages, deleting ---

/** 820 B, 14 KB, 3.4 MB. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

export function dimensionsText(item: Pick<MediaItem, 'width' | 'height'>): string {
  return item.width > 0 && item.height > 0 ? `${item.width} × ${item.height} px` : '';
}

const TYPE_LABELS: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP', 'image/gif': 'GIF' };
export const typeLabel = (mime: string) => TYPE_LABELS[mime] ?? mime;

export function usageCountText(count: number): string {
  if (!count) return 'Not used anywhere yet';
  return `Used in ${count} ${count === 1 ? 'place' : 'places'}`;
}

const USAGE_KINDS: Record<string, string> = { article: 'Article', 'list-item': 'Featured list item', author: 'Author photo' };

export function usageKindLabel(kind: string): string {
  return USAGE_KINDS[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replace(/[-_]/g, ' ');
}

/**
 * Where a usage can be opened in this app (articles only: list items and authors have no page of their own by ref).
 * An article's social image is reported as `<article id>:social`: it opens the article.
 */
export function usageLink(usage: MediaUsage): string | null {
  const article = usage.ref?.split(':')[0];
  return usage.kind === 'article' && article ? `/articles/${encodeURIComponent(article)}` : null;
}

/** A 409 on delete, said at the button: where it is used, and what to do. */
export function deleteBlockedText(problem: Problem | undefined): string {
  const count = typeof problem?.usageCount === 'number' ? problem.usageCount : null;
  if (count !== null) return `${usageCountText(count)}: remove it from there first, then delete it.`;
  return problem?.detail ?? 'This picture is in use: remove it from where it is used first, then delete it.';
}

// --- the MediaPicker's result ---

/** Which shape each picture field uses: heroes and rail items are 16:9, author photos square. */
export const PICKER_SHAPES = { heroImage: '16x9', listItemImage: '16x9', avatar: '1x1' } as const satisfies Record<string, MediaShapeName>;

/** What a form stores from a chosen picture: its id, the address of the shape it shows, and its words. */
export interface PickedImage {
  mediaId: string;
  url: string;
  alt: string;
  caption: string | null;
  credit: string | null;
  width: number;
  height: number;
}

export function pickedImage(item: MediaItem, shape: MediaShapeName = '16x9'): PickedImage {
  const s = shapeOf(item, shape);
  return {
    mediaId: item.id,
    url: s?.src ?? '',
    alt: item.altText?.trim() ?? '',
    caption: blankToNull(item.caption?.trim()),
    credit: blankToNull(item.credit?.trim()),
    width: s?.width ?? item.width,
    height: s?.height ?? item.height,
  };
}

export type PickerCheck = { ok: true; saveAltText: string | null } | { ok: false; error: string };

/**
 * Whether the chosen picture may be handed over: one must be chosen, and with `requireAlt` it needs alt text — the
 * picture's own, or what was typed in the picker (then saved to the library first, `saveAltText`).
 */
export function pickerCheck(item: MediaItem | null, altDraft: string, requireAlt: boolean): PickerCheck {
  if (!item) return { ok: false, error: 'Choose a picture first.' };
  if (!requireAlt || item.altText?.trim()) return { ok: true, saveAltText: null };
  const alt = altDraft.trim();
  if (!alt) return { ok: false, error: 'Describe this picture for people who cannot see it: alt text is needed before it is used.' };
  if ([...alt].length > LIMITS.altText) return { ok: false, error: `Use at most ${LIMITS.altText} characters.` };
  return { ok: true, saveAltText: alt };
}
