import { describe, expect, it } from 'vitest';
import type { MediaItem } from './types';
import {
  ACCEPT,
  checkFile,
  fileType,
  MAX_UPLOAD_BYTES,
  megabytes,
  nextToStart,
  overallPercent,
  refusesTheFile,
  rowPercent,
  rowStatusText,
  sendUpload,
  uploadOutcome,
  uploadProblemText,
  uploadsReducer,
  uploadSummary,
  type UploadAction,
  type UploadRow,
  type UploadXhr,
} from './uploads';

const MB = 1024 * 1024;
const file = (name: string, type: string, size = 2 * MB) => ({ name, type, size });
const item = (id = 'm1'): MediaItem => ({
  id,
  filename: 'harbour.jpg',
  mimeType: 'image/jpeg',
  width: 800,
  height: 600,
  byteSize: 2 * MB,
  contentHash: 'abc',
  tags: [],
  readyForPublishing: false,
  renditions: {},
  usageCount: 0,
  createdAt: '2026-11-30T10:00:00Z',
  version: 0,
});

describe('checks before sending', () => {
  it('takes JPEG, PNG, WebP and GIF up to 25 MB', () => {
    expect(checkFile(file('a.jpg', 'image/jpeg'))).toBeNull();
    expect(checkFile(file('a.png', 'image/png'))).toBeNull();
    expect(checkFile(file('a.webp', 'image/webp'))).toBeNull();
    expect(checkFile(file('a.gif', 'image/gif', MAX_UPLOAD_BYTES))).toBeNull();
    expect(ACCEPT).toBe('image/jpeg,image/png,image/webp,image/gif,.jpg,.jpeg,.png,.webp,.gif');
  });

  it('refuses a file over the limit in the server’s words', () => {
    expect(checkFile(file('big.jpg', 'image/jpeg', Math.round(30.2 * MB)))).toBe('The file is 30.2 MB; the limit is 25.0 MB.');
    expect(checkFile(file('big.jpg', 'image/jpeg', MAX_UPLOAD_BYTES + 1))).toBe('The file is 25.0 MB; the limit is 25.0 MB.');
    expect(megabytes(MAX_UPLOAD_BYTES)).toBe('25.0 MB');
  });

  it('refuses SVG, other picture types and other files, saying what to do', () => {
    expect(checkFile(file('logo.svg', 'image/svg+xml'))).toBe('SVG drawings cannot be added: save it as a PNG or JPEG picture and add that.');
    expect(checkFile(file('IMG_1.HEIC', 'image/heic'))).toBe('This is a HEIC picture; only JPEG, PNG, WebP and GIF pictures can be added. Save it as JPEG or PNG first.');
    expect(checkFile(file('scan.bmp', 'image/x-ms-bmp'))).toMatch(/^This is a MS-BMP picture/);
    expect(checkFile(file('notes.pdf', 'application/pdf'))).toBe('This is not a picture the library takes: only JPEG, PNG, WebP and GIF pictures can be added.');
    expect(checkFile(file('mystery', ''))).toMatch(/^This is not a picture/);
  });

  it('refuses an empty file and names the server would refuse', () => {
    expect(checkFile(file('a.jpg', 'image/jpeg', 0))).toBe('The file is empty.');
    expect(checkFile(file(`${'n'.repeat(197)}.jpg`, 'image/jpeg'))).toMatch(/longer than 200 characters/);
    expect(checkFile(file('.hidden.jpg', 'image/jpeg'))).toMatch(/cannot be used as it is/);
    expect(checkFile(file('a..jpg', 'image/jpeg'))).toMatch(/cannot be used as it is/);
    expect(checkFile(file('tab\there.jpg', 'image/jpeg'))).toMatch(/cannot be used as it is/);
    expect(checkFile(file('   ', 'image/jpeg'))).toMatch(/has no name/);
  });

  it('reads the type from the extension when the browser gives none, and knows JPEG’s other names', () => {
    expect(fileType({ name: 'Photo.JPEG', type: '' })).toBe('image/jpeg');
    expect(fileType({ name: 'a.webp', type: '' })).toBe('image/webp');
    expect(fileType({ name: 'a.svg', type: '' })).toBe('image/svg+xml');
    expect(fileType({ name: 'a', type: '' })).toBe('');
    expect(fileType({ name: 'a.jpg', type: 'image/pjpeg' })).toBe('image/jpeg');
    expect(checkFile(file('from-phone.jpg', ''))).toBeNull();
    expect(checkFile(file('drawing.svg', ''))).toMatch(/^SVG/);
  });
});

describe('the answer to an upload', () => {
  it('is added (201) or already in the library (200)', () => {
    expect(uploadOutcome(201, JSON.stringify({ item: item(), alreadyInLibrary: false }))).toEqual({ kind: 'added', item: item() });
    expect(uploadOutcome(200, JSON.stringify({ item: item('old'), alreadyInLibrary: true }))).toEqual({ kind: 'duplicate', item: item('old') });
  });

  it('says so when a success cannot be read', () => {
    expect(uploadOutcome(201, 'oops')).toMatchObject({ kind: 'failed', message: expect.stringMatching(/could not be read/) });
    expect(uploadOutcome(201, '{}')).toMatchObject({ kind: 'failed' });
  });

  it('tells the file’s problem in words: too large, wrong type, empty, corrupt', () => {
    const tooBig = uploadOutcome(413, JSON.stringify({ status: 413, title: 'Payload too large', detail: 'The file is 30.2 MB; the limit is 25.0 MB' }));
    expect(tooBig).toEqual({ kind: 'failed', status: 413, message: 'The file is 30.2 MB; the limit is 25.0 MB.' });
    expect(uploadOutcome(413, '<html>Request Entity Too Large</html>')).toMatchObject({ message: 'The file is too large; the limit is 25.0 MB.' });
    expect(uploadOutcome(415, JSON.stringify({ status: 415, detail: 'Only JPEG, PNG, WebP and GIF pictures can be added; this is an SVG' }))).toMatchObject({
      message: 'Only JPEG, PNG, WebP and GIF pictures can be added; this is an SVG',
    });
    expect(uploadOutcome(415, '')).toMatchObject({ message: 'This is not a JPEG, PNG, WebP or GIF picture, so it was not added.' });
    const empty = uploadOutcome(400, JSON.stringify({ status: 400, detail: 'file: is empty', errors: [{ field: 'file', message: 'is empty' }] }));
    expect(empty).toMatchObject({ kind: 'failed', status: 400, message: 'The file is empty.' });
    expect(uploadOutcome(400, JSON.stringify({ errors: [{ field: 'file', message: 'is not a picture that can be read' }] }))).toMatchObject({ message: 'The file is not a picture that can be read.' });
  });

  it('names a description field with its label, and says each problem once', () => {
    const text = uploadProblemText(400, {
      errors: [
        { field: 'altText', message: 'size must be between 0 and 1000' },
        { field: 'altText', message: 'size must be between 0 and 1000' },
        { field: 'focalX', message: 'must be less than or equal to 1' },
      ],
    });
    expect(text).toBe('Alt text: Use at most 1000 characters. Focal point across: Use a number from 0 to 100.');
  });

  it('explains sign-in, permission, outages and the connection', () => {
    expect(uploadProblemText(401, undefined)).toMatch(/sign-in has expired/);
    expect(uploadProblemText(403, undefined)).toBe('You may not add pictures to the library.');
    expect(uploadProblemText(403, { detail: 'Only the newsroom adds pictures' })).toBe('Only the newsroom adds pictures');
    expect(uploadProblemText(503, undefined)).toMatch(/cannot take pictures just now/);
    expect(uploadProblemText(0, undefined)).toMatch(/did not reach the server/);
    expect(uploadProblemText(500, { detail: 'Something went wrong on our side; quote error id 42' })).toBe('Something went wrong on our side; quote error id 42');
    expect(uploadProblemText(500, undefined)).toBe('The request failed (HTTP 500).');
  });
});

const run = (actions: UploadAction[], rows: UploadRow[] = []) => actions.reduce(uploadsReducer, rows);
const add = (...files: { key: string; name: string; type: string; size: number }[]): UploadAction => ({ type: 'add', files });
const f = (key: string, size = 1000, name = `${key}.jpg`, type = 'image/jpeg') => ({ key, name, size, type });

describe('the upload list', () => {
  it('adds files as waiting rows, and wrong ones as refused with the reason, never twice', () => {
    const rows = run([add(f('a'), f('b', 40 * MB), f('c', 10, 'c.svg', 'image/svg+xml')), add(f('a'))]);
    expect(rows.map((r) => `${r.key}:${r.state}`)).toEqual(['a:waiting', 'b:refused', 'c:refused']);
    expect(rows[1].message).toBe('The file is 40.0 MB; the limit is 25.0 MB.');
    expect(rowStatusText(rows[2])).toMatch(/^SVG drawings/);
  });

  it('starts at most two at a time, oldest first', () => {
    let rows = run([add(f('a'), f('b'), f('c'), f('d'))]);
    expect(nextToStart(rows)).toEqual(['a', 'b']);
    rows = run([{ type: 'start', key: 'a' }, { type: 'start', key: 'b' }], rows);
    expect(nextToStart(rows)).toEqual([]);
    rows = run([{ type: 'sent', key: 'a' }], rows);
    expect(nextToStart(rows)).toEqual([]); // the server is still working on it
    rows = run([{ type: 'finish', key: 'a', outcome: { kind: 'added', item: item('a') } }], rows);
    expect(nextToStart(rows)).toEqual(['c']);
    expect(nextToStart(rows, 3)).toEqual(['c', 'd']);
  });

  it('follows the bytes sent: never backwards, never past the total, the request’s size once known', () => {
    let rows = run([add(f('a', 1000)), { type: 'start', key: 'a' }, { type: 'progress', key: 'a', loaded: 300, total: 1200 }]);
    expect(rows[0]).toMatchObject({ state: 'sending', loaded: 300, total: 1200 });
    expect(rowPercent(rows[0])).toBe(25);
    expect(rowStatusText(rows[0])).toBe('Uploading… 25 %');
    rows = run([{ type: 'progress', key: 'a', loaded: 200, total: 0 }], rows);
    expect(rows[0]).toMatchObject({ loaded: 300, total: 1200 });
    rows = run([{ type: 'progress', key: 'a', loaded: 5000, total: 1200 }], rows);
    expect(rows[0].loaded).toBe(1200);
    expect(rowPercent(rows[0])).toBe(100);
    rows = run([{ type: 'sent', key: 'a' }], rows);
    expect(rows[0].state).toBe('processing');
    expect(rowStatusText(rows[0])).toMatch(/preparing its sizes/);
  });

  it('ignores progress for a row that is not sending', () => {
    const rows = run([add(f('a')), { type: 'progress', key: 'a', loaded: 10, total: 100 }]);
    expect(rows[0]).toMatchObject({ state: 'waiting', loaded: 0 });
    expect(rowPercent({ state: 'sending', loaded: 0, total: 0 })).toBe(0);
  });

  it('ends each row with its outcome in words', () => {
    const started = run([add(f('a'), f('b'), f('c')), { type: 'start', key: 'a' }, { type: 'start', key: 'b' }]);
    const rows = run(
      [
        { type: 'finish', key: 'a', outcome: { kind: 'added', item: item('a') } },
        { type: 'finish', key: 'b', outcome: { kind: 'duplicate', item: item('old') } },
        { type: 'start', key: 'c' },
        { type: 'finish', key: 'c', outcome: { kind: 'failed', status: 415, message: 'Not a picture.' } },
      ],
      started,
    );
    expect(rows.map((r) => r.state)).toEqual(['added', 'duplicate', 'refused']);
    expect(rows[0].item?.id).toBe('a');
    expect(rows[1].item?.id).toBe('old');
    expect(rows.map(rowStatusText)).toEqual(['Added to the library.', 'Already in the library: this exact picture was added before.', 'Not a picture.']);
    expect(rows.map(rowPercent)).toEqual([100, 100, 0]);
  });

  it('offers a retry only when the moment failed, not the file', () => {
    const started = run([add(f('a'), f('b')), { type: 'start', key: 'a' }, { type: 'start', key: 'b' }]);
    const rows = run(
      [
        { type: 'finish', key: 'a', outcome: { kind: 'failed', status: 503, message: 'Try again shortly.' } },
        { type: 'finish', key: 'b', outcome: { kind: 'failed', status: 400, message: 'The file is damaged.' } },
      ],
      started,
    );
    expect(rows.map((r) => r.state)).toEqual(['failed', 'refused']);
    expect([0, 401, 429, 502, 503].map(refusesTheFile)).toEqual([false, false, false, false, false]);
    expect([400, 413, 415, 422].map(refusesTheFile)).toEqual([true, true, true, true]);
  });

  it('cancels waiting and running rows, retries failed and cancelled ones, and ignores a late answer', () => {
    let rows = run([add(f('a'), f('b')), { type: 'start', key: 'a' }, { type: 'cancel', key: 'a' }, { type: 'cancel', key: 'b' }]);
    expect(rows.map((r) => r.state)).toEqual(['cancelled', 'cancelled']);
    rows = run([{ type: 'finish', key: 'a', outcome: { kind: 'added', item: item('a') } }], rows);
    expect(rows[0].state).toBe('cancelled');
    rows = run([{ type: 'retry', key: 'a' }], rows);
    expect(rows[0]).toMatchObject({ state: 'waiting', loaded: 0 });
    expect(rowStatusText(rows[1])).toBe('Cancelled: not added.');
    const done = run([add(f('x')), { type: 'start', key: 'x' }, { type: 'finish', key: 'x', outcome: { kind: 'added', item: item() } }, { type: 'retry', key: 'x' }, { type: 'cancel', key: 'x' }]);
    expect(done[0].state).toBe('added');
  });

  it('clears finished rows, one or all, and keeps the running ones', () => {
    let rows = run([add(f('a'), f('b'), f('c', 0)), { type: 'start', key: 'a' }, { type: 'finish', key: 'a', outcome: { kind: 'added', item: item() } }, { type: 'start', key: 'b' }]);
    expect(run([{ type: 'dismiss', key: 'b' }], rows).length).toBe(3); // still sending
    expect(run([{ type: 'dismiss', key: 'a' }], rows).map((r) => r.key)).toEqual(['b', 'c']);
    rows = run([{ type: 'clear-finished' }], rows);
    expect(rows.map((r) => r.key)).toEqual(['b']);
  });

  it('sums the list up in one line, while running and at the end', () => {
    expect(uploadSummary([])).toBe('');
    let rows = run([add(f('a'), f('b'), f('c', 0)), { type: 'start', key: 'a' }]);
    expect(uploadSummary(rows)).toBe('Uploading 2 files… 1 not added so far.');
    rows = run([{ type: 'finish', key: 'a', outcome: { kind: 'added', item: item() } }], rows);
    expect(uploadSummary(rows)).toBe('Uploading 1 file… 1 picture added, 1 not added so far.');
    rows = run([{ type: 'start', key: 'b' }, { type: 'finish', key: 'b', outcome: { kind: 'duplicate', item: item('old') } }], rows);
    expect(uploadSummary(rows)).toBe('1 picture added, 1 already in the library, 1 not added.');
    expect(uploadSummary(run([add(f('x'))]))).toBe('Uploading 1 file…');
  });

  it('weighs the whole list’s progress by size, leaving out refused and cancelled files', () => {
    let rows = run([add(f('a', 100), f('b', 300), f('c', 0)), { type: 'start', key: 'a' }, { type: 'start', key: 'b' }]);
    rows = run([{ type: 'progress', key: 'a', loaded: 100, total: 100 }, { type: 'progress', key: 'b', loaded: 150, total: 300 }], rows);
    expect(overallPercent(rows)).toBe(62);
    expect(overallPercent([])).toBe(0);
  });
});

/** A stand-in for XMLHttpRequest that records what was sent and lets the test answer. */
class FakeXhr implements UploadXhr {
  static last: FakeXhr | null = null;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  aborted = false;
  status = 0;
  responseText = '';
  upload: UploadXhr['upload'] = { onprogress: null, onload: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.();
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const deps = (token: () => Promise<string> = async () => 'tok-1') => ({ token, xhr: () => new FakeXhr() });

describe('sending a file', () => {
  it('posts the file as multipart with the bearer token, reports progress, and ends added', async () => {
    const progress: [number, number][] = [];
    let sent = false;
    const handle = sendUpload(new Blob(['abc'], { type: 'image/png' }), 'dot.png', { altText: 'A dot', caption: '  ' }, { onProgress: (l, t) => progress.push([l, t]), onSent: () => (sent = true) }, deps());
    await tick();
    const xhr = FakeXhr.last!;
    expect([xhr.method, xhr.url]).toEqual(['POST', '/api/media']);
    expect(xhr.headers.Authorization).toBe('Bearer tok-1');
    expect(xhr.headers.Accept).toBe('application/json, application/problem+json');
    expect(xhr.body!.get('altText')).toBe('A dot');
    expect(xhr.body!.has('caption')).toBe(false);
    const part = xhr.body!.get('file') as File;
    expect(part.name).toBe('dot.png');
    expect(part.size).toBe(3);
    xhr.upload.onprogress!({ loaded: 1, total: 300, lengthComputable: true });
    xhr.upload.onprogress!({ loaded: 2, total: 0, lengthComputable: false });
    xhr.upload.onload!();
    expect(progress).toEqual([
      [1, 300],
      [2, 0],
    ]);
    expect(sent).toBe(true);
    xhr.answer(201, { item: item('new'), alreadyInLibrary: false });
    expect(await handle.done).toEqual({ kind: 'added', item: item('new') });
  });

  it('ends with the problem in words, or the connection failure', async () => {
    const refused = sendUpload(new Blob(['x']), 'x.jpg', {}, {}, deps());
    await tick();
    FakeXhr.last!.answer(413, { status: 413, detail: 'The file is 30.2 MB; the limit is 25.0 MB' });
    expect(await refused.done).toEqual({ kind: 'failed', status: 413, message: 'The file is 30.2 MB; the limit is 25.0 MB.' });
    const offline = sendUpload(new Blob(['x']), 'x.jpg', {}, {}, deps());
    await tick();
    FakeXhr.last!.onerror!();
    expect(await offline.done).toMatchObject({ kind: 'failed', status: 0, message: expect.stringMatching(/did not reach the server/) });
  });

  it('is cancelled by abort, before or while sending', async () => {
    const early = sendUpload(new Blob(['x']), 'x.jpg', {}, {}, deps());
    FakeXhr.last = null;
    early.abort();
    expect(await early.done).toEqual({ kind: 'cancelled' });
    await tick();
    expect(FakeXhr.last).toBeNull(); // nothing was sent
    const running = sendUpload(new Blob(['x']), 'x.jpg', {}, {}, deps());
    await tick();
    const xhr = FakeXhr.last!;
    running.abort();
    expect(xhr.aborted).toBe(true);
    expect(await running.done).toEqual({ kind: 'cancelled' });
  });

  it('fails as a sign-in problem when no token can be had, without sending', async () => {
    FakeXhr.last = null;
    const handle = sendUpload(new Blob(['x']), 'x.jpg', {}, {}, deps(() => Promise.reject(new Error('expired'))));
    expect(await handle.done).toMatchObject({ kind: 'failed', status: 401, message: expect.stringMatching(/sign-in has expired/) });
    expect(FakeXhr.last).toBeNull();
  });
});
