import { describe, expect, it } from 'vitest';
import { abilities } from '../session';
import {
  appendPage,
  buildSizes,
  checkMediaForm,
  deleteBlockedText,
  describeBody,
  descriptionOf,
  DETAIL_SIZES,
  dimensionsText,
  elsewhereText,
  fileMessage,
  firstPage,
  focalFromClick,
  focalOfForm,
  focalPercent,
  formatBytes,
  formatSrcset,
  formValuesOf,
  fromPercent,
  GRID_SIZES,
  mediaFieldErrors,
  mediaFieldKey,
  mediaListUrl,
  mediaPagePath,
  mediaUrl,
  parsePercent,
  parseSrcset,
  pickedImage,
  pickerCheck,
  PICKER_SHAPES,
  pictureAttrs,
  prependItem,
  remainingText,
  removeItem,
  replaceItem,
  sameDescription,
  shapeOf,
  showsInGrid,
  typeLabel,
  usageCountText,
  usageKindLabel,
  usageLink,
  type MediaFormValues,
} from './media';
import type { MediaItem, MediaShape } from './types';

const shape = (name: string, width = 1024, height = 768): MediaShape => ({
  src: `/public/v1/media/abc/${name}-1024-50-30.jpg`,
  srcset: {
    webp: `/public/v1/media/abc/${name}-320-50-30.webp 320w, /public/v1/media/abc/${name}-640-50-30.webp 640w, /public/v1/media/abc/${name}-1280-50-30.webp 1280w`,
    jpg: `/public/v1/media/abc/${name}-320-50-30.jpg 320w, /public/v1/media/abc/${name}-640-50-30.jpg 640w`,
  },
  width,
  height,
});

const item = (over: Partial<MediaItem> = {}): MediaItem => ({
  id: 'm1',
  filename: 'harbour.jpg',
  mimeType: 'image/jpeg',
  width: 4000,
  height: 3000,
  byteSize: 3_565_158,
  contentHash: 'abc',
  altText: 'Fishing boats in the harbour at dawn',
  caption: 'Morning in the harbour',
  credit: 'Jane Doe',
  copyright: 'Newsroom',
  source: 'Staff',
  focalPoint: { x: 0.5, y: 0.3 },
  tags: ['harbour', 'boats'],
  readyForPublishing: true,
  renditions: { original: shape('original', 4000, 3000), '16x9': shape('16x9', 1024, 576), '4x3': shape('4x3'), '1x1': shape('1x1', 1024, 1024) },
  usageCount: 0,
  createdBy: 'wendy',
  createdAt: '2026-11-30T10:00:00Z',
  updatedAt: '2026-11-30T10:00:00Z',
  version: 3,
  ...over,
});

const values = (over: Partial<MediaFormValues> = {}): MediaFormValues => ({ ...formValuesOf(item()), ...over });

describe('addresses', () => {
  it('builds the list address from the set values only, with the page size', () => {
    expect(mediaListUrl({})).toBe('/api/media?limit=40');
    expect(mediaListUrl({ q: ' boats ', tag: '', cursor: null })).toBe('/api/media?q=boats&limit=40');
    expect(mediaListUrl({ q: 'x', tag: 'city news', cursor: 'c/2', limit: 12 })).toBe('/api/media?q=x&tag=city+news&cursor=c%2F2&limit=12');
  });

  it('encodes ids in the API and page addresses', () => {
    expect(mediaUrl('a b')).toBe('/api/media/a%20b');
    expect(mediaPagePath('m1')).toBe('/media/m1');
  });
});

describe('srcset and sizes', () => {
  it('parses a srcset narrowest first, one candidate per width, dropping entries without a width', () => {
    expect(parseSrcset('/b.webp 640w, /a.webp 320w,, /x.webp, /c.webp 640w , /d.webp 2x')).toEqual([
      { url: '/a.webp', width: 320 },
      { url: '/b.webp', width: 640 },
    ]);
    expect(parseSrcset(undefined)).toEqual([]);
    expect(formatSrcset(parseSrcset('/b 640w, /a 320w'))).toBe('/a 320w, /b 640w');
  });

  it('orders size rules narrowest window first, the fallback last', () => {
    expect(buildSizes([{ maxWidth: 1100, size: '50vw' }, { maxWidth: 860, size: '100vw' }], '480px')).toBe('(max-width: 860px) 100vw, (max-width: 1100px) 50vw, 480px');
    expect(buildSizes([], '200px')).toBe('200px');
    expect(GRID_SIZES).toBe('(max-width: 860px) 50vw, 260px');
    expect(DETAIL_SIZES).toMatch(/460px$/);
  });

  it('gives a <picture> WebP first, then JPEG, with sizes on each, and the JPEG src as the fallback', () => {
    const attrs = pictureAttrs(shape('original', 4000, 3000), GRID_SIZES)!;
    expect(attrs.sources.map((s) => s.type)).toEqual(['image/webp', 'image/jpeg']);
    expect(attrs.sources[0].srcSet).toBe('/public/v1/media/abc/original-320-50-30.webp 320w, /public/v1/media/abc/original-640-50-30.webp 640w, /public/v1/media/abc/original-1280-50-30.webp 1280w');
    expect(attrs.sources.every((s) => s.sizes === GRID_SIZES)).toBe(true);
    expect(attrs).toMatchObject({ src: '/public/v1/media/abc/original-1024-50-30.jpg', width: 4000, height: 3000, sizes: GRID_SIZES });
  });

  it('leaves out a format without a srcset, and has nothing for a shape without src', () => {
    const attrs = pictureAttrs({ src: '/x.jpg', srcset: { webp: '' }, width: 10, height: 10 }, '10px')!;
    expect(attrs.sources).toEqual([]);
    expect(attrs.src).toBe('/x.jpg');
    expect(pictureAttrs({ src: '/x.jpg', srcset: null, width: 1, height: 1 }, '1px')!.sources).toEqual([]);
    expect(pictureAttrs(null, '10px')).toBeNull();
    expect(pictureAttrs({ src: '', width: 1, height: 1 }, '1px')).toBeNull();
  });

  it('picks the asked shape, else the original, else any', () => {
    expect(shapeOf(item(), '1x1')!.width).toBe(1024);
    expect(shapeOf(item({ renditions: { original: shape('original', 4000, 3000) } }), '16x9')!.width).toBe(4000);
    expect(shapeOf(item({ renditions: { '4x3': shape('4x3') } }))!.src).toContain('4x3');
    expect(shapeOf(item({ renditions: {} }))).toBeNull();
  });
});

describe('focal point', () => {
  const box = { left: 100, top: 50, width: 400, height: 200 };

  it('turns a click on the picture into 0..1 from the left and the top, in whole percent', () => {
    expect(focalFromClick(300, 150, box)).toEqual({ x: 0.5, y: 0.5 });
    expect(focalFromClick(100, 50, box)).toEqual({ x: 0, y: 0 });
    expect(focalFromClick(233, 111, box)).toEqual({ x: 0.33, y: 0.31 });
  });

  it('clamps clicks on the edge or outside, and is the middle for a box without size', () => {
    expect(focalFromClick(50, 400, box)).toEqual({ x: 0, y: 1 });
    expect(focalFromClick(10, 10, { left: 0, top: 0, width: 0, height: 0 })).toEqual({ x: 0.5, y: 0.5 });
  });

  it('shows it in whole percent, the middle when there is none', () => {
    expect(focalPercent({ x: 0.333, y: 0.3 })).toEqual({ x: 33, y: 30 });
    expect(focalPercent(null)).toEqual({ x: 50, y: 50 });
    expect(focalPercent({ x: 1.4, y: -1 })).toEqual({ x: 100, y: 0 });
  });

  it('reads typed percentages and refuses anything else', () => {
    expect(parsePercent('30')).toBe(30);
    expect(parsePercent(' 30 %')).toBe(30);
    expect(parsePercent('12,5')).toBe(12.5);
    expect(parsePercent('100')).toBe(100);
    expect(parsePercent('')).toBeNull();
    expect(parsePercent('101')).toBeNull();
    expect(parsePercent('-1')).toBeNull();
    expect(parsePercent('abc')).toBeNull();
    expect(fromPercent(33.5)).toBe(0.335);
    expect(fromPercent(7)).toBe(0.07);
  });

  it('is the form’s focal point only while both inputs hold percentages', () => {
    expect(focalOfForm({ focalX: '25', focalY: '75' })).toEqual({ x: 0.25, y: 0.75 });
    expect(focalOfForm({ focalX: '', focalY: '75' })).toBeNull();
  });
});

describe('the description form', () => {
  it('starts from the picture as it is', () => {
    expect(formValuesOf(item())).toEqual({
      altText: 'Fishing boats in the harbour at dawn',
      caption: 'Morning in the harbour',
      credit: 'Jane Doe',
      copyright: 'Newsroom',
      source: 'Staff',
      tags: 'harbour, boats',
      focalX: '50',
      focalY: '30',
    });
    const bare = formValuesOf(item({ altText: null, caption: null, credit: null, copyright: null, source: null, focalPoint: null, tags: [] }));
    expect(bare).toEqual({ altText: '', caption: '', credit: '', copyright: '', source: '', tags: '', focalX: '50', focalY: '50' });
  });

  it('sends the whole description: trimmed, blanks as null, tags parsed, focal point as 0..1', () => {
    expect(describeBody(values({ altText: '  Boats ', caption: ' ', tags: 'harbour, Boats,, boats ', focalX: '25', focalY: '80' }))).toEqual({
      altText: 'Boats',
      caption: null,
      credit: 'Jane Doe',
      copyright: 'Newsroom',
      source: 'Staff',
      focalPoint: { x: 0.25, y: 0.8 },
      tags: ['harbour', 'Boats'],
    });
  });

  it('keeps every other field when one is changed (the PUT clears what it leaves out)', () => {
    const body = descriptionOf(item({ altText: null }), { altText: 'A red boat' });
    expect(body).toEqual({ altText: 'A red boat', caption: 'Morning in the harbour', credit: 'Jane Doe', copyright: 'Newsroom', source: 'Staff', focalPoint: { x: 0.5, y: 0.3 }, tags: ['harbour', 'boats'] });
  });

  it('knows when nothing changed (spaces and tag repeats do not count)', () => {
    expect(sameDescription(values(), values({ altText: 'Fishing boats in the harbour at dawn  ', tags: 'harbour,boats, boats' }))).toBe(true);
    expect(sameDescription(values(), values({ focalX: '51' }))).toBe(false);
    expect(sameDescription(values(), values({ caption: '' }))).toBe(false);
  });

  it('counts the characters left', () => {
    expect(remainingText('abc', 1000)).toEqual({ text: '997 characters left', over: false });
    expect(remainingText('ab', 3)).toEqual({ text: '1 character left', over: false });
    expect(remainingText('abcd', 3)).toEqual({ text: '1 character too many', over: true });
    expect(remainingText('abcdef', 3)).toEqual({ text: '3 characters too many', over: true });
    expect(remainingText('😀', 1).over).toBe(false);
  });

  it('passes a good form', () => {
    expect(checkMediaForm(values())).toEqual({});
    expect(checkMediaForm(values({ altText: '' }))).toEqual({}); // alt text is needed to publish, not to save
  });

  it('checks lengths, tags and the focal point, keyed by the API’s field names', () => {
    const errors = checkMediaForm(values({ altText: 'a'.repeat(1001), credit: 'c'.repeat(301), tags: 'ok, #bad, ' + 't'.repeat(61), focalX: '120', focalY: '' }));
    expect(Object.keys(errors).sort()).toEqual(['altText', 'credit', 'focalPoint.x', 'focalPoint.y', 'tags']);
    expect(errors.altText).toBe('Use at most 1000 characters (this has 1001).');
    expect(errors.tags).toContain('“#bad” cannot be a tag');
    expect(errors.tags).toContain('is too long: a tag has at most 60 characters.');
    expect(errors['focalPoint.x']).toMatch(/0 \(left edge\) to 100/);
    const many = Array.from({ length: 31 }, (_, i) => `t${i}`).join(', ');
    expect(checkMediaForm(values({ tags: many })).tags).toBe('Use at most 30 tags (there are 31).');
    expect(checkMediaForm(values({ tags: 'São Paulo, rock & roll, v1.2, o’clock, 2026' }))).toEqual({});
    expect(describeBody(values({ tags: 'o’clock' })).tags).toEqual(["o'clock"]);
    expect(checkMediaForm(values({ tags: '-dash' })).tags).toContain('starting with a letter or number');
  });
});

describe('problems at their fields', () => {
  it('finds the form field a path belongs to', () => {
    expect(mediaFieldKey('altText')).toBe('altText');
    expect(mediaFieldKey('describe.description.altText')).toBe('altText');
    expect(mediaFieldKey('tags[3]')).toBe('tags');
    expect(mediaFieldKey('focalPoint.x')).toBe('focalPoint.x');
    expect(mediaFieldKey('focalX')).toBe('focalPoint.x');
    expect(mediaFieldKey('focalY')).toBe('focalPoint.y');
    expect(mediaFieldKey('focalPoint')).toBe('focalPoint.x');
    expect(mediaFieldKey('file')).toBe('file');
    expect(mediaFieldKey('cursor')).toBe('cursor');
  });

  it('says each error once, in words for that field', () => {
    const errors = mediaFieldErrors(
      {
        status: 400,
        errors: [
          { field: 'altText', message: 'size must be between 0 and 1000' },
          { field: 'altText', message: 'size must be between 0 and 1000' },
          { field: 'tags[1]', message: 'must be a word or short phrase' },
          { field: 'focalPoint.x', message: 'must be less than or equal to 1' },
        ],
      },
      ['ok', '#bad'],
    );
    expect(errors).toEqual({ altText: 'Use at most 1000 characters.', tags: '“#bad” cannot be a tag: use a word or short phrase.', 'focalPoint.x': 'Use a number from 0 to 100.' });
    expect(mediaFieldErrors({ errors: [{ field: 'tags[0]', message: 'must be a word or short phrase' }] }).tags).toBe('Each tag must be a word or short phrase.');
    expect(mediaFieldErrors({ errors: [{ field: 'tags', message: 'size must be between 0 and 30' }] }).tags).toBe('Use at most 30 tags.');
    expect(mediaFieldErrors({ errors: [{ field: 'tags[2]', message: 'must not be blank' }] }, ['a', 'b', ' ']).tags).toBe('“ ”: This cannot be empty.');
    expect(mediaFieldErrors(undefined)).toEqual({});
  });

  it('words the file’s problems as sentences about the file', () => {
    expect(fileMessage('is empty')).toBe('The file is empty.');
    expect(fileMessage('has too many pixels (60 megapixels; the limit is 50)')).toBe('The file has too many pixels (60 megapixels; the limit is 50).');
    expect(fileMessage('the file name must be a plain file name, not a path')).toBe('The file name must be a plain file name, not a path.');
    expect(fileMessage('The file is 30.2 MB; the limit is 25.0 MB')).toBe('The file is 30.2 MB; the limit is 25.0 MB.');
  });

  it('lists errors for fields the form does not show, with their labels', () => {
    expect(elsewhereText({ altText: 'x', cursor: 'Must be the next value.' }, ['altText'])).toBe('Cursor: Must be the next value.');
    expect(elsewhereText({ altText: 'x' }, ['altText'])).toBeNull();
  });
});

describe('the grid’s pages', () => {
  const a = item({ id: 'a' });
  const b = item({ id: 'b' });
  const c = item({ id: 'c' });

  it('appends the next page with its cursor, without repeats', () => {
    const list = firstPage({ items: [a, b], next: 'cur1' });
    expect(list.next).toBe('cur1');
    const more = appendPage(list, { items: [b, c], next: null });
    expect(more.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(more.next).toBeNull();
    expect(firstPage({ items: [a, a], next: undefined as unknown as null })).toEqual({ items: [a], next: null });
  });

  it('replaces a saved picture in place, puts a new upload first, and drops a deleted one', () => {
    const list = { items: [a, b, c], next: 'n' };
    const saved = item({ id: 'b', altText: 'New words' });
    expect(replaceItem(list, saved).items[1].altText).toBe('New words');
    expect(replaceItem(list, item({ id: 'z' }))).toBe(list);
    expect(prependItem(list, item({ id: 'n1' })).items.map((i) => i.id)).toEqual(['n1', 'a', 'b', 'c']);
    expect(prependItem(list, c).items.map((i) => i.id)).toEqual(['c', 'a', 'b']);
    expect(removeItem(list, 'b')).toEqual({ items: [a, c], next: 'n' });
  });

  it('shows an upload in the grid unless the filters would hide it', () => {
    expect(showsInGrid(a, {})).toBe(true);
    expect(showsInGrid(a, { tag: 'Harbour' })).toBe(true);
    expect(showsInGrid(a, { tag: 'city' })).toBe(false);
    expect(showsInGrid(a, { q: 'boats' })).toBe(false);
    expect(showsInGrid(a, { q: '  ', tag: '' })).toBe(true);
  });
});

describe('facts and usages', () => {
  it('formats sizes, dimensions and types', () => {
    expect(formatBytes(820)).toBe('820 B');
    expect(formatBytes(14_500)).toBe('14 KB');
    expect(formatBytes(3_565_158)).toBe('3.4 MB');
    expect(formatBytes(-1)).toBe('—');
    expect(dimensionsText(item())).toBe('4000 × 3000 px');
    expect(dimensionsText(item({ width: 0 }))).toBe('');
    expect(typeLabel('image/webp')).toBe('WebP');
    expect(typeLabel('image/avif')).toBe('image/avif');
  });

  it('says where a picture is used', () => {
    expect(usageCountText(0)).toBe('Not used anywhere yet');
    expect(usageCountText(1)).toBe('Used in 1 place');
    expect(usageCountText(3)).toBe('Used in 3 places');
    expect(usageKindLabel('article')).toBe('Article');
    expect(usageKindLabel('list-item')).toBe('Featured list item');
    expect(usageKindLabel('author')).toBe('Author photo');
    expect(usageKindLabel('page_banner')).toBe('Page banner');
    expect(usageLink({ kind: 'article', ref: 'a 1' })).toBe('/articles/a%201');
    expect(usageLink({ kind: 'author', ref: 'x' })).toBeNull();
  });

  it('tells a refused delete at the button: where it is used, what to do', () => {
    expect(deleteBlockedText({ status: 409, detail: 'This picture is used in 2 places; remove it from there first', usageCount: 2 })).toBe('Used in 2 places: remove it from there first, then delete it.');
    expect(deleteBlockedText({ status: 409, detail: 'In use' })).toBe('In use');
    expect(deleteBlockedText(undefined)).toMatch(/in use/);
  });
});

describe('the MediaPicker’s result', () => {
  it('hands over the id, the wanted shape’s address and the words', () => {
    expect(pickedImage(item(), PICKER_SHAPES.heroImage)).toEqual({
      mediaId: 'm1',
      url: '/public/v1/media/abc/16x9-1024-50-30.jpg',
      alt: 'Fishing boats in the harbour at dawn',
      caption: 'Morning in the harbour',
      credit: 'Jane Doe',
      width: 1024,
      height: 576,
    });
    const avatar = pickedImage(item({ altText: null, caption: ' ', credit: null }), PICKER_SHAPES.avatar);
    expect(avatar).toMatchObject({ url: '/public/v1/media/abc/1x1-1024-50-30.jpg', alt: '', caption: null, credit: null, width: 1024 });
    expect(pickedImage(item({ renditions: { original: shape('original', 4000, 3000) } }), '1x1').url).toContain('original');
  });

  it('needs a chosen picture, and alt text where the field requires it', () => {
    expect(pickerCheck(null, '', true)).toEqual({ ok: false, error: 'Choose a picture first.' });
    expect(pickerCheck(item(), '', true)).toEqual({ ok: true, saveAltText: null });
    const bare = item({ altText: '  ', readyForPublishing: false });
    expect(pickerCheck(bare, '', false)).toEqual({ ok: true, saveAltText: null });
    expect(pickerCheck(bare, '  ', true)).toMatchObject({ ok: false, error: expect.stringMatching(/alt text is needed/) });
    expect(pickerCheck(bare, ' A red boat ', true)).toEqual({ ok: true, saveAltText: 'A red boat' });
    expect(pickerCheck(bare, 'x'.repeat(1001), true)).toEqual({ ok: false, error: 'Use at most 1000 characters.' });
  });
});

describe('who may use the library', () => {
  const can = (...roles: string[]) => abilities({ username: 'u', name: 'U', roles });

  it('is every newsroom role; deleting is for editors and admins', () => {
    for (const role of ['writer', 'editor', 'curator', 'admin']) expect(can(role).usesMedia).toBe(true);
    expect(can('offline_access').usesMedia).toBe(false);
    expect(can('writer').deletesMedia).toBe(false);
    expect(can('curator').deletesMedia).toBe(false);
    expect(can('editor').deletesMedia).toBe(true);
    expect(can('admin').deletesMedia).toBe(true);
  });
});
