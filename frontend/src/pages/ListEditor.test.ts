import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { itemFieldErrors, overridesFrom, type ArticleCard, type OverrideForm } from '../lib/listItems';
import type { ListItem, MediaItem, MediaShape } from '../lib/types';
import type { LibraryImage } from '../ui/LibraryImageField';
import { ApiError } from '../problem';
import { elsewhereText, importedItemImage, ItemDialog, itemErrorText, ItemImageField, ITEM_IMAGE_ALT_NEEDED, saveItemForm } from './ListEditor';

// A list item's image override from the media library, as HTML (no browser here): what curators and tests find.

const shape = (name: string, width: number, height: number): MediaShape => ({
  src: `/public/v1/media/m1/${name}-1024.jpg`,
  srcset: { webp: `/public/v1/media/m1/${name}-320.webp 320w, /public/v1/media/m1/${name}-640.webp 640w` },
  width,
  height,
});

const item = (over: Partial<MediaItem> = {}): MediaItem => ({
  id: 'm1',
  filename: 'ferry.jpg',
  mimeType: 'image/jpeg',
  width: 1600,
  height: 900,
  byteSize: 1000,
  contentHash: 'abc',
  altText: 'The ferry coming alongside the harbour wall',
  tags: [],
  readyForPublishing: true,
  renditions: { original: shape('original', 1600, 900), '16x9': shape('16x9', 1024, 576), '1x1': shape('1x1', 1024, 1024) },
  usageCount: 0,
  createdAt: '2026-11-30T10:00:00Z',
  version: 1,
  ...over,
});

const noop = () => undefined;
const image = (over: Partial<LibraryImage> = {}): LibraryImage => ({
  mediaId: '',
  item: null,
  loading: false,
  problem: null,
  retry: noop,
  pickerOpen: false,
  openPicker: noop,
  closePicker: noop,
  chooseButton: { current: null },
  replaceButton: { current: null },
  chosen: noop,
  removed: noop,
  ...over,
});

const card: ArticleCard = { id: 'a', slug: 'ferry', headline: 'Ferry returns', dek: 'Back at last.', heroImage: { url: '/samples/harbour.svg', alt: 'The harbour' }, live: true };
const form = (over: Partial<OverrideForm> = {}): OverrideForm => ({ headline: '', summary: '', imageMediaId: '', imageUrl: '', imageAlt: '', ...over });
const field = (props: Partial<Parameters<typeof ItemImageField>[0]> = {}) =>
  renderToStaticMarkup(createElement(ItemImageField, { form: form(), errors: {}, image: image(), card, canUseMedia: true, onEdit: noop, onRemove: noop, ...props }));
const libraryForm = form({ imageMediaId: 'm1', imageUrl: '/public/v1/media/m1/16x9-1024.jpg' });
const count = (html: string, text: string) => html.split(text).length - 1;

describe('the item’s image override', () => {
  it('offers the library beside the pasted address and alt text', () => {
    const html = field();
    expect(html).toMatch(/<button type="button"[^>]*data-testid="item-image-choose-from-library"[^>]*>Choose from library<\/button>/);
    expect(html).toContain('id="ov-image"');
    expect(html).toContain('id="ov-alt"');
    expect(html).toContain('<legend>Image</legend>');
    expect(html).not.toContain('item-image-media-preview');
    expect(field({ canUseMedia: false })).not.toContain('item-image-choose-from-library');
  });

  it('shows a chosen picture: its 16:9 crop, the library’s alt text as the default, an override field', () => {
    const html = field({ form: libraryForm, image: image({ mediaId: 'm1', item: item() }) });
    expect(html).toContain('data-testid="item-image-media-preview" data-state="loaded" data-media-id="m1"');
    expect(html).toMatch(/<img [^>]*src="\/public\/v1\/media\/m1\/16x9-1024.jpg"[^>]*width="1024" height="576"/);
    expect(html).toContain('Library alt text: “The ferry coming alongside the harbour wall”');
    expect(html).toMatch(/<label for="item-image-alt-override">Alt text for this rail item<\/label>/);
    expect(html).toContain('data-testid="item-image-alt-override"');
    expect(html).toMatch(/data-testid="item-image-media-remove"[^>]*>Remove<span class="sr-only"> the item’s picture<\/span>/);
    expect(html).not.toContain('id="ov-image"');
    expect(html).not.toContain('alt-only-note');
  });

  it('warns when the library has no alt text for the picture', () => {
    const html = field({ form: libraryForm, image: image({ mediaId: 'm1', item: item({ altText: null, readyForPublishing: false }) }) });
    expect(html).toContain('data-testid="item-image-library-alt-missing"');
    expect(count(html, 'This picture has no alt text in the library yet.')).toBe(1);
    expect(html).toContain('One of the two is needed before the item can be saved.');
  });

  it('shows the server’s refusals at their field, once, in words', () => {
    const errors = itemFieldErrors({
      errors: [
        { field: 'overrides.image.alt', message: 'Describe the picture for readers who cannot see it' },
        { field: 'overrides.image.mediaId', message: 'names no picture in the media library (it may have been deleted)' },
      ],
    });
    const gone = 'This picture is not in the media library any more: it may have been deleted. Choose another one, or remove it.';
    const html = field({ form: libraryForm, errors, image: image({ mediaId: 'm1', problem: { text: gone, retry: false } }) });
    expect(html).toMatch(/<input id="item-image-alt-override"[^>]*aria-invalid="true" aria-describedby="item-image-alt-override-error"/);
    expect(count(html, 'Describe the picture for readers who cannot see it.')).toBe(1);
    expect(count(html, gone)).toBe(1);
    expect(html).toContain('id="item-image-media-error"');

    const pasted = field({ form: form({ imageUrl: 'ftp://x' }), errors: { 'overrides.image.url': 'Use a web address (https://…).', 'overrides.image.alt': 'Describe the image: alt text is needed with an image.' } });
    expect(pasted).toMatch(/<input id="ov-image"[^>]*aria-invalid="true"/);
    expect(pasted).toMatch(/<input id="ov-alt"[^>]*aria-invalid="true" aria-describedby="ov-alt-error"/);
    expect(count(pasted, 'Use a web address (https://…).')).toBe(1);
  });

  it('is sent as {mediaId, url, alt} in the item’s overrides', () => {
    expect(overridesFrom(libraryForm)).toEqual({ headline: null, summary: null, image: { mediaId: 'm1', url: '/public/v1/media/m1/16x9-1024.jpg', alt: null } });
    expect(ITEM_IMAGE_ALT_NEEDED).toMatch(/^Describe the picture/);
  });
});

describe('the item dialog', () => {
  const listItem = (overrides: ListItem['overrides']): ListItem => ({ articleId: 'a', position: 0, overrides });
  const dialog = (props: Partial<Parameters<typeof ItemDialog>[0]> = {}) =>
    renderToStaticMarkup(createElement(ItemDialog, { item: listItem(null), card, canUseMedia: true, onClose: noop, onSave: async () => undefined, ...props }));

  it('opens an item whose image is a library picture as one (preview and alt text), not as a pasted address', () => {
    const html = dialog({ item: listItem({ image: { mediaId: 'm1', url: '/public/v1/media/m1/16x9-1024.jpg', alt: null } }) });
    expect(html).toContain('data-testid="item-image-media-preview" data-state="loading" data-media-id="m1"');
    expect(html).toContain('data-testid="item-image-alt-override"');
    expect(html).not.toContain('id="ov-image"');
    // The rail preview shows the picture the item was saved with.
    expect(html).toMatch(/data-testid="override-preview"[\s\S]*src="\/public\/v1\/media\/m1\/16x9-1024.jpg"/);
  });

  it('opens a pasted image as before, with the library offered', () => {
    const html = dialog({ item: listItem({ image: { url: 'https://img.example/ferry.jpg', alt: 'A ferry' } }) });
    expect(html).toContain('value="https://img.example/ferry.jpg"');
    expect(html).toContain('data-testid="item-image-choose-from-library"');
  });

  it('shows what the server refused for this item in a whole-draft answer at its fields, once', () => {
    const initialErrors = { 'overrides.image.alt': 'Describe the picture for readers who cannot see it.', 'window.until': 'Choose a later time.', articleId: 'Not published.' };
    const html = dialog({ item: listItem({ image: { mediaId: 'm1', url: '/m1.jpg', alt: null } }), initialErrors });
    expect(count(html, 'Describe the picture for readers who cannot see it.')).toBe(1);
    expect(html).toMatch(/<input id="item-image-alt-override"[^>]*aria-invalid="true"/);
    expect(count(html, 'Choose a later time.')).toBe(1);
    // An error no field shows is said above the fields, with the field's name.
    expect(html).toContain('data-testid="item-dialog-problem"');
    expect(html).toContain('Article id: Not published.');
  });
});

describe('errors about items in the draft', () => {
  it('are said at the item’s row with their field’s name', () => {
    expect(itemErrorText({ 'overrides.image.alt': 'Describe the picture.', 'overrides.image.mediaId': 'Gone.' })).toBe('Image alt text: Describe the picture. Image override picture: Gone.');
    expect(itemErrorText({ item: 'This story is no longer published.' })).toBe('This story is no longer published.');
    expect(itemErrorText(undefined)).toBeNull();
  });

  it('that no field of the dialog shows are said once above its fields', () => {
    expect(elsewhereText({ 'overrides.image.alt': 'x', 'overrides.headline': 'y', 'window.from': 'z' })).toBeNull();
    expect(elsewhereText({ position: 'Use 49 or less.' })).toBe('Position: Use 49 or less.');
  });
});

describe('saving the item with a library picture', () => {
  const stored = (body: { overrides: ListItem['overrides']; window: ListItem['window'] }): ListItem => ({ articleId: 'a', position: 0, ...body });
  const base = { from: '', until: '', item: { articleId: 'a', position: 0, overrides: null } as ListItem };

  it('sends overrides: {image: {mediaId, url, alt}}', async () => {
    const sent: unknown[] = [];
    const outcome = await saveItemForm({
      ...base,
      form: libraryForm,
      picture: item(),
      onSave: async (body) => {
        sent.push(body);
        return stored(body);
      },
    });
    expect(outcome).toEqual({ kind: 'saved' });
    expect(sent).toEqual([{ overrides: { headline: null, summary: null, image: { mediaId: 'm1', url: '/public/v1/media/m1/16x9-1024.jpg', alt: null } }, window: null }]);
  });

  it('asks for alt text first when the picture has none anywhere, without sending', async () => {
    let calls = 0;
    const outcome = await saveItemForm({ ...base, form: libraryForm, picture: { altText: '' }, onSave: async () => (calls++, undefined) });
    expect(outcome).toEqual({ kind: 'refused', errors: { 'overrides.image.alt': ITEM_IMAGE_ALT_NEEDED }, problem: null });
    expect(calls).toBe(0);
  });

  it('shows the server’s refusals at the image’s fields, once', async () => {
    const refusal = new ApiError(400, {
      status: 400,
      errors: [
        { field: 'overrides.image.alt', message: 'Describe the picture for readers who cannot see it' },
        { field: 'overrides.image.mediaId', message: 'names no picture in the media library (it may have been deleted)' },
      ],
    });
    const outcome = await saveItemForm({ ...base, form: libraryForm, picture: item(), onSave: async () => Promise.reject(refusal) });
    expect(outcome.kind).toBe('refused');
    if (outcome.kind !== 'refused') return;
    expect(outcome.problem).toBeNull();
    const html = field({ form: libraryForm, errors: outcome.errors!, image: image({ mediaId: 'm1', item: item() }) });
    expect(count(html, 'Describe the picture for readers who cannot see it.')).toBe(1);
    expect(count(html, 'This picture is not in the media library any more')).toBe(1);
  });

  it('says a media library that does not answer at the picture', async () => {
    const down = new ApiError(503, { status: 503, detail: 'The media library cannot be reached to check the list item picture right now; nothing was saved, try again shortly' });
    const outcome = await saveItemForm({ ...base, form: libraryForm, picture: item(), onSave: async () => Promise.reject(down) });
    expect(outcome).toEqual({
      kind: 'refused',
      errors: { 'overrides.image.mediaId': 'The media library cannot be reached to check the list item picture right now; nothing was saved, try again shortly.' },
      problem: null,
    });
  });

  it('sends nothing when the item is unchanged', async () => {
    const saved = { articleId: 'a', position: 0, overrides: { image: { mediaId: 'm1', url: '/other-address.jpg', alt: null } } } as ListItem;
    expect(await saveItemForm({ ...base, item: saved, form: libraryForm, picture: item(), onSave: async () => undefined })).toEqual({ kind: 'unchanged' });
  });
});

describe('importing a pasted item image into the library', () => {
  const pasted = form({ imageUrl: 'https://img.example/ferry.jpg', imageAlt: 'The ferry coming alongside the harbour wall' });

  it('is offered beside a pasted address, to those who use the library', () => {
    const html = field({ form: pasted, onImported: noop });
    expect(html).toMatch(/<button type="button"[^>]*data-testid="item-image-import-url"[^>]*>Import into library<\/button>/);
    expect(field({ form: pasted, onImported: noop, canUseMedia: false })).not.toContain('item-image-import-url');
    expect(field({ form: form({ imageAlt: 'Alt only' }), onImported: noop })).not.toContain('item-image-import-url');
    expect(field({ form: libraryForm, image: image({ mediaId: 'm1', item: item() }), onImported: noop })).not.toContain('item-image-import-url');
  });

  it('then holds the library picture’s 16:9 crop, the typed alt text kept only where the library’s differs', () => {
    const imported = importedItemImage(pasted, item());
    expect(imported).toMatchObject({ imageMediaId: 'm1', imageUrl: '/public/v1/media/m1/16x9-1024.jpg', imageAlt: '' });
    expect(overridesFrom(imported)?.image).toMatchObject({ mediaId: 'm1' });
    expect(importedItemImage(pasted, item({ altText: null })).imageAlt).toBe('The ferry coming alongside the harbour wall');
  });
});
