/**
 * Uploads to the media library: what is refused before sending (type, size, name), the answer in words, the rows of
 * the upload list with their progress, and the XMLHttpRequest that sends one file (fetch has no upload progress).
 */
import { describeProblem, fieldLabel, type Problem } from '../problem';
import { fileMessage, mediaFieldErrors } from './media';
import type { MediaItem, MediaUploaded } from './types';

// --- before sending ---

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
/** For <input type="file" accept>: the types, and the extensions for systems that do not know the types. */
export const ACCEPT = [...ACCEPTED_TYPES, '.jpg', '.jpeg', '.png', '.webp', '.gif'].join(',');
export const NAME_MAX = 200;

const EXTENSION_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  jfif: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  svgz: 'image/svg+xml',
  heic: 'image/heic',
  heif: 'image/heif',
  avif: 'image/avif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  bmp: 'image/bmp',
  pdf: 'application/pdf',
};

/** The file's type: what the browser says, else what its extension says (some systems send none). */
export function fileType(file: { name: string; type: string }): string {
  const said = file.type.trim().toLowerCase();
  if (said) return said === 'image/jpg' || said === 'image/pjpeg' ? 'image/jpeg' : said;
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return (ext && EXTENSION_TYPES[ext]) || '';
}

/** "30.2 MB": one decimal, as the server words its limit. */
export const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export interface FileFacts {
  name: string;
  type: string;
  size: number;
}

/**
 * Why a file is refused before it is sent, in the words the server would use, or null when it may be sent (the
 * server checks the bytes again: a renamed file is refused there).
 */
export function checkFile(file: FileFacts): string | null {
  const type = fileType(file);
  if (type === 'image/svg+xml') return 'SVG drawings cannot be added: save it as a PNG or JPEG picture and add that.';
  if (!(ACCEPTED_TYPES as readonly string[]).includes(type)) {
    const kind = /^image\/([a-z0-9.+-]+)$/.exec(type)?.[1];
    return kind
      ? `This is a ${kind.replace(/^x-/, '').toUpperCase()} picture; only JPEG, PNG, WebP and GIF pictures can be added. Save it as JPEG or PNG first.`
      : 'This is not a picture the library takes: only JPEG, PNG, WebP and GIF pictures can be added.';
  }
  if (file.size <= 0) return 'The file is empty.';
  if (file.size > MAX_UPLOAD_BYTES) return `The file is ${megabytes(file.size)}; the limit is ${megabytes(MAX_UPLOAD_BYTES)}.`;
  const name = file.name;
  if (!name.trim()) return 'The file has no name: give it one and add it again.';
  if ([...name].length > NAME_MAX) return `The file name is longer than ${NAME_MAX} characters: rename it and add it again.`;
  // eslint-disable-next-line no-control-regex
  if (name.startsWith('.') || name.includes('..') || /[/\\\u0000-\u001f\u007f]/.test(name)) {
    return 'The file name cannot be used as it is (a leading dot, “..” or unusual characters): rename it and add it again.';
  }
  return null;
}

// --- the answer ---

export type UploadOutcome =
  | { kind: 'added'; item: MediaItem }
  | { kind: 'duplicate'; item: MediaItem }
  | { kind: 'failed'; message: string; status: number }
  | { kind: 'cancelled' };

/** A failed upload in words: the file's own problem first, then the description's fields with their labels. */
export function uploadProblemText(status: number, problem: Problem | undefined): string {
  if (status === 0) return 'The upload did not reach the server. Check your connection and try again.';
  if (problem?.errors?.length) {
    const byField = mediaFieldErrors(problem);
    const lines = Object.entries(byField).map(([field, words]) => (field === 'file' ? words : `${fieldLabel(field)}: ${words}`));
    return lines.join(' ');
  }
  const detail = problem?.detail?.trim();
  switch (status) {
    case 401:
      return 'Your sign-in has expired. Reload the page to sign in again, then add the file again.';
    case 403:
      return detail || 'You may not add pictures to the library.';
    case 413:
      return detail ? fileMessage(detail) : `The file is too large; the limit is ${megabytes(MAX_UPLOAD_BYTES)}.`;
    case 415:
      return detail || 'This is not a JPEG, PNG, WebP or GIF picture, so it was not added.';
    case 502:
    case 503:
    case 504:
      return detail || 'The library cannot take pictures just now; try again in a moment.';
    default:
      return describeProblem(problem, status);
  }
}

/** The outcome of an upload from the HTTP status and body: added, already in the library, or why not. */
export function uploadOutcome(status: number, body: string): UploadOutcome {
  let parsed: unknown;
  try {
    parsed = body ? JSON.parse(body) : undefined;
  } catch {
    parsed = undefined;
  }
  if (status >= 200 && status < 300) {
    const answer = parsed as Partial<MediaUploaded> | undefined;
    if (!answer?.item?.id) {
      return { kind: 'failed', status, message: 'The server’s answer could not be read. Reload the library to see whether the picture was added.' };
    }
    return answer.alreadyInLibrary || status === 200 ? { kind: 'duplicate', item: answer.item } : { kind: 'added', item: answer.item };
  }
  const problem = parsed && typeof parsed === 'object' ? (parsed as Problem) : undefined;
  return { kind: 'failed', status, message: uploadProblemText(status, problem) };
}

// --- the rows of the upload list ---

/** The server refused the file itself (400, 413, 415, 422), not the moment (network, sign-in, outage): no retry. */
export function refusesTheFile(status: number): boolean {
  return status === 400 || status === 413 || status === 415 || status === 422;
}

export type UploadState = 'refused' | 'waiting' | 'sending' | 'processing' | 'added' | 'duplicate' | 'failed' | 'cancelled';

export interface UploadRow {
  key: string;
  name: string;
  size: number;
  state: UploadState;
  /** Bytes sent so far, of `total` (the request's size once the browser says it; the file's until then). */
  loaded: number;
  total: number;
  /** Why it was refused or failed, in words. */
  message?: string;
  item?: MediaItem;
}

export type UploadAction =
  | { type: 'add'; files: (FileFacts & { key: string })[] }
  | { type: 'start'; key: string }
  | { type: 'progress'; key: string; loaded: number; total: number }
  | { type: 'sent'; key: string }
  | { type: 'finish'; key: string; outcome: UploadOutcome }
  | { type: 'cancel'; key: string }
  | { type: 'retry'; key: string }
  | { type: 'dismiss'; key: string }
  | { type: 'clear-finished' };

const IN_FLIGHT: UploadState[] = ['sending', 'processing'];
const FINISHED: UploadState[] = ['refused', 'added', 'duplicate', 'failed', 'cancelled'];

export const isFinished = (row: Pick<UploadRow, 'state'>) => FINISHED.includes(row.state);
export const isInFlight = (row: Pick<UploadRow, 'state'>) => IN_FLIGHT.includes(row.state);

/** The upload list's bookkeeping: each file's state and progress, from being added to its outcome. */
export function uploadsReducer(rows: UploadRow[], action: UploadAction): UploadRow[] {
  const update = (key: string, change: (row: UploadRow) => UploadRow | null) =>
    rows.flatMap((row) => {
      if (row.key !== key) return [row];
      const next = change(row);
      return next ? [next] : [];
    });
  switch (action.type) {
    case 'add': {
      const known = new Set(rows.map((r) => r.key));
      const added = action.files
        .filter((f) => !known.has(f.key))
        .map((f): UploadRow => {
          const refusal = checkFile(f);
          return refusal
            ? { key: f.key, name: f.name, size: f.size, state: 'refused', loaded: 0, total: f.size, message: refusal }
            : { key: f.key, name: f.name, size: f.size, state: 'waiting', loaded: 0, total: f.size };
        });
      return [...rows, ...added];
    }
    case 'start':
      return update(action.key, (r) => (r.state === 'waiting' ? { ...r, state: 'sending', loaded: 0, message: undefined } : r));
    case 'progress':
      return update(action.key, (r) => {
        if (r.state !== 'sending') return r;
        const total = action.total > 0 ? action.total : r.total;
        return { ...r, total, loaded: Math.min(Math.max(action.loaded, r.loaded), total) };
      });
    case 'sent':
      return update(action.key, (r) => (r.state === 'sending' ? { ...r, state: 'processing', loaded: r.total } : r));
    case 'finish':
      return update(action.key, (r) => {
        if (!isInFlight(r)) return r;
        const o = action.outcome;
        if (o.kind === 'added' || o.kind === 'duplicate') return { ...r, state: o.kind, loaded: r.total, item: o.item, message: undefined };
        if (o.kind === 'cancelled') return { ...r, state: 'cancelled', message: undefined };
        // the file itself was refused (wrong type, damaged, too large): sending it again cannot help
        return { ...r, state: refusesTheFile(o.status) ? 'refused' : 'failed', message: o.message };
      });
    case 'cancel':
      return update(action.key, (r) => (r.state === 'waiting' || isInFlight(r) ? { ...r, state: 'cancelled', message: undefined } : r));
    case 'retry':
      return update(action.key, (r) => (r.state === 'failed' || r.state === 'cancelled' ? { ...r, state: 'waiting', loaded: 0, message: undefined } : r));
    case 'dismiss':
      return update(action.key, (r) => (isFinished(r) ? null : r));
    case 'clear-finished':
      return rows.filter((r) => !isFinished(r));
  }
}

/** The waiting rows to start now, oldest first, so that at most `parallel` are sending or processing at once. */
export function nextToStart(rows: UploadRow[], parallel = 2): string[] {
  const free = parallel - rows.filter(isInFlight).length;
  return free > 0 ? rows.filter((r) => r.state === 'waiting').slice(0, free).map((r) => r.key) : [];
}

/** The row's progress bar, 0–100: the share of bytes sent; full once sent (the server is working) and after. */
export function rowPercent(row: Pick<UploadRow, 'state' | 'loaded' | 'total'>): number {
  if (row.state === 'sending') return row.total > 0 ? Math.min(100, Math.floor((row.loaded / row.total) * 100)) : 0;
  return row.state === 'waiting' || row.state === 'refused' || row.state === 'cancelled' || row.state === 'failed' ? 0 : 100;
}

/** The row's state in words. */
export function rowStatusText(row: UploadRow): string {
  switch (row.state) {
    case 'waiting':
      return 'Waiting to upload…';
    case 'sending':
      return `Uploading… ${rowPercent(row)} %`;
    case 'processing':
      return 'Uploaded; the library is preparing its sizes…';
    case 'added':
      return 'Added to the library.';
    case 'duplicate':
      return 'Already in the library: this exact picture was added before.';
    case 'cancelled':
      return 'Cancelled: not added.';
    case 'refused':
    case 'failed':
      return row.message ?? 'Not added.';
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One line for the whole list (read by screen readers as it changes): how far it is, or how it ended. */
export function uploadSummary(rows: UploadRow[]): string {
  if (rows.length === 0) return '';
  const count = (...states: UploadState[]) => rows.filter((r) => states.includes(r.state)).length;
  const pending = count('waiting', 'sending', 'processing');
  const added = count('added');
  const duplicate = count('duplicate');
  const notAdded = count('refused', 'failed', 'cancelled');
  const parts: string[] = [];
  if (added) parts.push(`${plural(added, 'picture', 'pictures')} added`);
  if (duplicate) parts.push(`${duplicate} already in the library`);
  if (notAdded) parts.push(`${notAdded} not added`);
  if (pending) return `Uploading ${plural(pending, 'file', 'files')}…${parts.length ? ` ${parts.join(', ')} so far.` : ''}`;
  return `${parts.join(', ')}.`.replace(/^./, (c) => c.toUpperCase());
}

/** The whole list's progress, 0–100, weighted by size, over the files that are being or were sent. */
export function overallPercent(rows: UploadRow[]): number {
  const counted = rows.filter((r) => r.state !== 'refused' && r.state !== 'cancelled');
  const total = counted.reduce((sum, r) => sum + Math.max(r.total, 1), 0);
  if (total === 0) return 0;
  const done = counted.reduce((sum, r) => sum + (Math.max(r.total, 1) * rowPercent(r)) / 100, 0);
  return Math.floor((done / total) * 100);
}

// --- sending one file ---

/** The part of XMLHttpRequest an upload uses (a test passes a fake). */
export interface UploadXhr {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: FormData): void;
  abort(): void;
  readonly status: number;
  readonly responseText: string;
  upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null; onload: (() => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
  ontimeout: (() => void) | null;
}

export interface UploadDeps {
  /** The bearer token, fresh enough for the request. */
  token: () => Promise<string>;
  xhr: () => UploadXhr;
}

export interface UploadCallbacks {
  onProgress?: (loaded: number, total: number) => void;
  /** The whole body is sent; the server is reading and resizing the picture. */
  onSent?: () => void;
}

export interface UploadHandle {
  done: Promise<UploadOutcome>;
  abort: () => void;
}

/**
 * Sends one picture as `POST /api/media` (multipart: the `file` part and any description fields), with the bearer
 * token and upload progress. Never rejects: every ending is an outcome (a refused sign-in is a failed upload).
 */
export function sendUpload(file: Blob, name: string, fields: Record<string, string>, callbacks: UploadCallbacks, deps: UploadDeps): UploadHandle {
  let xhr: UploadXhr | null = null;
  let aborted = false;
  let settle: (outcome: UploadOutcome) => void = () => undefined;
  const done = new Promise<UploadOutcome>((resolve) => {
    let settled = false;
    settle = (outcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
  });
  void (async () => {
    let token: string;
    try {
      token = await deps.token();
    } catch {
      settle(aborted ? { kind: 'cancelled' } : { kind: 'failed', status: 401, message: uploadProblemText(401, undefined) });
      return;
    }
    if (aborted) {
      settle({ kind: 'cancelled' });
      return;
    }
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) if (value.trim()) form.append(key, value);
    form.append('file', file, name);
    const request = deps.xhr();
    xhr = request;
    request.open('POST', '/api/media');
    request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.setRequestHeader('Accept', 'application/json, application/problem+json');
    request.upload.onprogress = (e) => callbacks.onProgress?.(e.loaded, e.lengthComputable ? e.total : 0);
    request.upload.onload = () => callbacks.onSent?.();
    request.onload = () => settle(uploadOutcome(request.status, request.responseText));
    request.onerror = () => settle({ kind: 'failed', status: 0, message: uploadProblemText(0, undefined) });
    request.ontimeout = request.onerror;
    request.onabort = () => settle({ kind: 'cancelled' });
    request.send(form);
  })();
  return {
    done,
    abort: () => {
      aborted = true;
      if (xhr) xhr.abort();
      settle({ kind: 'cancelled' });
    },
  };
}
