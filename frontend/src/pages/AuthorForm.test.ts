import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { pickedImage, PICKER_SHAPES } from '../lib/media';
import type { MediaItem, MediaShape } from '../lib/types';
import type { LibraryImage } from '../ui/LibraryImageField';
import { ApiError, fieldErrors } from '../problem';
import { AuthorForm, authorBody, AvatarField, AVATAR_ALT_NEEDED, checkAuthorForm, chooseAvatar, importedAvatar, removeAvatar, saveAuthor, valuesOf } from './AuthorForm';

// The author's photo from the media library: what is sent, what the form says (as HTML: no browser here).

const shape = (name: string, width: number, height: number): MediaShape => ({
  src: `/public/v1/media/m1/${name}-512.jpg`,
  srcset: { webp: `/public/v1/media/m1/${name}-256.webp 256w, /public/v1/media/m1/${name}-512.webp 512w` },
  width,
  height,
});

const item = (over: Partial<MediaItem> = {}): MediaItem => ({
  id: 'm1',
  filename: 'portrait.jpg',
  mimeType: 'image/jpeg',
  width: 3000,
  height: 2000,
  byteSize: 1000,
  contentHash: 'abc',
  altText: 'Jane Doe smiling at the camera',
  tags: [],
  readyForPublishing: true,
  renditions: { original: shape('original', 3000, 2000), '16x9': shape('16x9', 1024, 576), '1x1': shape('1x1', 512, 512) },
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
const library = (over: Partial<MediaItem> = {}, state: Partial<LibraryImage> = {}) => image({ mediaId: 'm1', item: item(over), ...state });

const empty = valuesOf({ displayName: 'Jane Doe' });
const avatarField = (props: Partial<Parameters<typeof AvatarField>[0]> = {}) =>
  renderToStaticMarkup(createElement(AvatarField, { values: empty, errors: {}, image: image(), canUseMedia: true, onEdit: noop, onRemove: noop, ...props }));
const count = (html: string, text: string) => html.split(text).length - 1;

describe('the author’s photo from the media library', () => {
  it('is sent as {mediaId, url, alt}: the square crop’s address as the picker gives it, a blank alt meaning the library’s', () => {
    const picked = pickedImage(item(), PICKER_SHAPES.avatar);
    const chosen = chooseAvatar(empty, picked);
    expect(chosen).toMatchObject({ avatarMediaId: 'm1', avatarUrl: '/public/v1/media/m1/1x1-512.jpg', avatarAlt: '' });
    expect(authorBody(chosen, false).avatar).toEqual({ mediaId: 'm1', url: '/public/v1/media/m1/1x1-512.jpg', alt: null });
    expect(authorBody({ ...chosen, avatarAlt: 'Jane at her desk' }, true).avatar).toEqual({ mediaId: 'm1', url: '/public/v1/media/m1/1x1-512.jpg', alt: 'Jane at her desk' });
  });

  it('replaces a pasted photo and its alt text; the same picture chosen again keeps this profile’s alt text', () => {
    const pasted = { ...empty, avatarUrl: 'https://img.example/jane.jpg', avatarAlt: 'Jane' };
    expect(chooseAvatar(pasted, { mediaId: 'm1', url: '/a/1x1.jpg' })).toMatchObject({ avatarMediaId: 'm1', avatarUrl: '/a/1x1.jpg', avatarAlt: '' });
    const mine = { ...empty, avatarMediaId: 'm1', avatarUrl: '/a/1x1.jpg', avatarAlt: 'Jane, smiling' };
    expect(chooseAvatar(mine, { mediaId: 'm1', url: '/a/1x1.jpg' }).avatarAlt).toBe('Jane, smiling');
    expect(chooseAvatar(mine, { mediaId: 'm2', url: '/b/1x1.jpg' })).toMatchObject({ avatarMediaId: 'm2', avatarAlt: '' });
  });

  it('is removed altogether: no avatar is sent', () => {
    const mine = { ...empty, avatarMediaId: 'm1', avatarUrl: '/a/1x1.jpg', avatarAlt: 'Jane' };
    const none = removeAvatar(mine);
    expect(none).toMatchObject({ avatarMediaId: '', avatarUrl: '', avatarAlt: '' });
    expect(authorBody(none, false).avatar).toBeNull();
  });

  it('keeps a pasted address working as before, without a mediaId', () => {
    const body = authorBody({ ...empty, avatarUrl: 'https://img.example/jane.jpg', avatarAlt: 'Jane' }, false);
    expect(body.avatar).toEqual({ url: 'https://img.example/jane.jpg', alt: 'Jane' });
    expect(body.avatar).not.toHaveProperty('mediaId');
  });

  it('is loaded as a library photo when the profile has one', () => {
    const values = valuesOf({ displayName: 'Jane', avatar: { mediaId: 'm1', url: '/public/v1/media/m1/1x1-512.jpg', alt: null } });
    expect(values).toMatchObject({ avatarMediaId: 'm1', avatarUrl: '/public/v1/media/m1/1x1-512.jpg', avatarAlt: '' });
    expect(authorBody(values, false).avatar).toEqual({ mediaId: 'm1', url: '/public/v1/media/m1/1x1-512.jpg', alt: null });
    const html = renderToStaticMarkup(createElement(AuthorForm, { initial: values, admin: true, submitLabel: 'Save', canUseMedia: true, onSubmit: async () => undefined }));
    expect(html).toContain('data-testid="avatar-media-preview" data-state="loading" data-media-id="m1"');
    expect(html).toContain('data-testid="avatar-alt-override"');
    expect(html).not.toContain('id="a-avatar"');
  });

  it('needs alt text here or in the library before it is saved (the server refuses it too)', () => {
    const values = { ...empty, avatarMediaId: 'm1', avatarUrl: '/a/1x1.jpg' };
    expect(checkAuthorForm(values, { altText: null })).toEqual({ 'avatar.alt': AVATAR_ALT_NEEDED });
    expect(checkAuthorForm(values, { altText: 'Jane' })).toEqual({});
    expect(checkAuthorForm({ ...values, avatarAlt: 'Jane' }, { altText: null })).toEqual({});
    expect(checkAuthorForm(values, null)).toEqual({}); // not known yet: the server decides
    expect(checkAuthorForm({ ...empty, avatarUrl: 'https://img.example/jane.jpg' }, null)).toEqual({});
  });
});

describe('the photo field', () => {
  it('offers the library beside the pasted address, to those who use it', () => {
    const html = avatarField();
    expect(html).toMatch(/<button type="button"[^>]*data-testid="avatar-choose-from-library"[^>]*>Choose from library<\/button>/);
    expect(html).toContain('id="a-avatar"');
    expect(html).toContain('id="a-avatar-alt"');
    expect(html).toContain('data-testid="avatar-preview"');
    expect(html).not.toContain('avatar-media-preview');
    expect(avatarField({ canUseMedia: false })).not.toContain('avatar-choose-from-library');
  });

  it('shows a library photo’s square crop, its library alt text as the default, and an override field', () => {
    const html = avatarField({ values: { ...empty, avatarMediaId: 'm1', avatarUrl: '/public/v1/media/m1/1x1-512.jpg' }, image: library() });
    expect(html).toContain('data-testid="avatar-media-preview" data-state="loaded" data-media-id="m1"');
    expect(html).toMatch(/<img [^>]*src="\/public\/v1\/media\/m1\/1x1-512.jpg"[^>]*width="512" height="512"/);
    expect(html).toContain('alt="Jane Doe smiling at the camera"');
    expect(html).toContain('Library alt text: “Jane Doe smiling at the camera”');
    expect(html).toMatch(/<label for="avatar-alt-override">Alt text for this profile<\/label>/);
    expect(html).toContain('Optional: leave it empty to use the library’s alt text. What you write here is used in this profile only.');
    expect(html).toMatch(/<button type="button"[^>]*data-testid="avatar-media-replace"[^>]*>Replace<span class="sr-only"> the photo<\/span><\/button>/);
    expect(html).toMatch(/<button type="button"[^>]*data-testid="avatar-media-remove"[^>]*>Remove<span class="sr-only"> the photo<\/span><\/button>/);
    expect(html).not.toContain('avatar-library-alt-missing');
    expect(html).not.toContain('id="a-avatar"');
  });

  it('uses this profile’s alt text for the preview when it has one', () => {
    const html = avatarField({ values: { ...empty, avatarMediaId: 'm1', avatarAlt: 'Jane at her desk' }, image: library() });
    expect(html).toContain('alt="Jane at her desk"');
    expect(html).toContain('value="Jane at her desk"');
    expect(html).toContain('This profile uses its own alt text, below.');
  });

  it('warns in plain words when the library has no alt text for the photo', () => {
    const html = avatarField({ values: { ...empty, avatarMediaId: 'm1' }, image: library({ altText: null, readyForPublishing: false }) });
    expect(html).toContain('data-testid="avatar-library-alt-missing"');
    expect(count(html, 'This picture has no alt text in the library yet.')).toBe(1);
    expect(html).toContain('One of the two is needed before the profile can be saved.');
    expect(html).toMatch(/<a href="\/media\/m1" target="_blank" rel="noopener" data-testid="avatar-media-library-link">/);
  });

  it('shows the server’s refusals at their field, once, in words', () => {
    const values = { ...empty, avatarMediaId: 'm1' };
    const alt = fieldErrors({ errors: [{ field: 'avatar.alt', message: 'Describe the photo for readers who cannot see it' }, { field: 'avatar.alt', message: 'Describe the photo for readers who cannot see it' }] });
    const html = avatarField({ values, errors: alt, image: library({ altText: null }) });
    expect(html).toMatch(/<input id="avatar-alt-override"[^>]*aria-invalid="true" aria-describedby="avatar-alt-override-error"/);
    expect(count(html, 'Describe the photo for readers who cannot see it.')).toBe(1);
    // the note about the library leaves the requirement to that error: it is said once
    expect(html).not.toContain('One of the two is needed');
    expect(html).toContain('or write alt text for this profile below.');

    const gone = fieldErrors({ errors: [{ field: 'avatar.mediaId', message: 'names no picture in the media library (it may have been deleted)' }] });
    const text = 'This picture is not in the media library any more: it may have been deleted. Choose another one, or remove it.';
    // The fetch of the deleted picture says the same: said once.
    const deleted = avatarField({ values, errors: gone, image: image({ mediaId: 'm1', problem: { text, retry: false } }) });
    expect(count(deleted, text)).toBe(1);
    expect(deleted).toContain('data-testid="avatar-media-preview" data-state="failed"');
    expect(deleted).toMatch(/<p class="field-error" id="avatar-media-error" data-testid="avatar-media-error" tabindex="-1" data-error-anchor="">/i);

    const pasted = avatarField({ values: { ...empty, avatarUrl: 'ftp://x' }, errors: { 'avatar.url': 'Use a web address (https://…).' } });
    expect(pasted).toMatch(/<input id="a-avatar"[^>]*aria-invalid="true" aria-describedby="a-avatar-error"/);
    expect(count(pasted, 'Use a web address (https://…).')).toBe(1);
  });

  it('says when the media library did not answer, at the photo, with a way to try again', () => {
    const html = avatarField({
      values: { ...empty, avatarMediaId: 'm1' },
      image: image({ mediaId: 'm1', problem: { text: 'The picture cannot be shown right now: the media library did not answer. The profile keeps it.', retry: true } }),
    });
    expect(html).toContain('role="status"');
    expect(html).toMatch(/data-testid="avatar-media-retry"[^>]*>Try again<span class="sr-only"> to show the picture<\/span>/);
  });
});

describe('saving a profile with a library photo', () => {
  const withPhoto = chooseAvatar(empty, { mediaId: 'm1', url: '/public/v1/media/m1/1x1-512.jpg' });
  const sender = (answer?: unknown) => {
    const sent: unknown[] = [];
    const onSubmit = async (body: unknown) => {
      sent.push(body);
      if (answer) throw answer;
    };
    return { sent, onSubmit };
  };

  it('sends the photo as {mediaId, url, alt}', async () => {
    const { sent, onSubmit } = sender();
    expect(await saveAuthor({ ...withPhoto, avatarAlt: 'Jane at her desk' }, false, item(), onSubmit)).toEqual({ saved: true });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ displayName: 'Jane Doe', avatar: { mediaId: 'm1', url: '/public/v1/media/m1/1x1-512.jpg', alt: 'Jane at her desk' } });
    // Removing it sends no avatar.
    await saveAuthor(removeAvatar(withPhoto), false, null, onSubmit);
    expect(sent[1]).toMatchObject({ avatar: null });
  });

  it('asks for alt text first when the picture has none in the library, without sending', async () => {
    const { sent, onSubmit } = sender();
    expect(await saveAuthor(withPhoto, false, { altText: null }, onSubmit)).toEqual({ saved: false, errors: { 'avatar.alt': AVATAR_ALT_NEEDED }, problem: null });
    expect(sent).toHaveLength(0);
  });

  it('shows the server’s refusal of the alt text at the override field, once', async () => {
    const refusal = new ApiError(400, { status: 400, title: 'Bad Request', detail: 'avatar.alt: describe the photo', errors: [{ field: 'avatar.alt', message: 'Describe the photo for readers who cannot see it' }] });
    const outcome = await saveAuthor(withPhoto, true, null, sender(refusal).onSubmit);
    expect(outcome).toEqual({ saved: false, errors: { 'avatar.alt': 'Describe the photo for readers who cannot see it.' }, problem: null });
    const html = avatarField({ values: withPhoto, errors: outcome.saved ? {} : outcome.errors, image: library({ altText: null }) });
    expect(count(html, 'Describe the photo for readers who cannot see it.')).toBe(1);
    expect(html).toContain('aria-describedby="avatar-alt-override-error"');
  });

  it('shows an unknown picture at the photo, once, in words (not below the form)', async () => {
    const refusal = new ApiError(400, { status: 400, errors: [{ field: 'avatar.mediaId', message: 'names no picture in the media library (it may have been deleted)' }] });
    const outcome = await saveAuthor(withPhoto, false, item(), sender(refusal).onSubmit);
    expect(outcome.saved).toBe(false);
    if (outcome.saved) return;
    expect(outcome.problem).toBeNull();
    const html = avatarField({ values: withPhoto, errors: outcome.errors!, image: library() });
    expect(count(html, 'This picture is not in the media library any more')).toBe(1);
    expect(html).toContain('data-testid="avatar-media-error"');
  });

  it('says a media library that does not answer at the photo: nothing was saved, try again', async () => {
    const down = new ApiError(503, { status: 503, title: 'Service unavailable', detail: 'The media library cannot be reached to check the avatar right now; nothing was saved, try again shortly' });
    const outcome = await saveAuthor(withPhoto, false, item(), sender(down).onSubmit);
    expect(outcome).toEqual({ saved: false, errors: { 'avatar.mediaId': 'The media library cannot be reached to check the avatar right now; nothing was saved, try again shortly.' }, problem: null });
    // Without a library photo, a 503 is the form's problem as before.
    const pasted = await saveAuthor({ ...empty, avatarUrl: 'https://img.example/j.jpg', avatarAlt: 'J' }, false, null, sender(down).onSubmit);
    expect(pasted).toMatchObject({ saved: false, problem: { text: expect.stringMatching(/media library cannot be reached/) } });
    expect(pasted.saved === false && pasted.errors).toBeFalsy();
  });

  it('says errors of fields the form does not show below it, with their names', async () => {
    const refusal = new ApiError(400, { status: 400, errors: [{ field: 'social.bluesky', message: 'must be a handle' }, { field: 'avatar.url', message: 'must be a web address' }] });
    const outcome = await saveAuthor(withPhoto, false, item(), sender(refusal).onSubmit);
    expect(outcome).toMatchObject({ saved: false, problem: { text: 'Bluesky: Must be a handle.' } });
  });
});

describe('importing a pasted photo into the library', () => {
  const pasted = { ...empty, avatarUrl: 'https://img.example/jane.jpg', avatarAlt: 'Jane Doe smiling at the camera' };

  it('is offered beside a pasted address, to those who use the library', () => {
    const html = avatarField({ values: pasted, onImported: noop });
    expect(html).toMatch(/<button type="button"[^>]*data-testid="avatar-import-url"[^>]*>Import into library<\/button>/);
    expect(avatarField({ values: pasted, onImported: noop, canUseMedia: false })).not.toContain('avatar-import-url');
    expect(avatarField({ values: empty, onImported: noop })).not.toContain('avatar-import-url');
    expect(avatarField({ values: { ...pasted, avatarMediaId: 'm1' }, image: library(), onImported: noop })).not.toContain('avatar-import-url');
  });

  it('then holds the library photo’s square crop, the typed alt text kept only where the library’s differs', () => {
    const imported = importedAvatar(pasted, item());
    expect(imported).toMatchObject({ avatarMediaId: 'm1', avatarUrl: '/public/v1/media/m1/1x1-512.jpg', avatarAlt: '' });
    expect(authorBody(imported, false).avatar).toEqual({ mediaId: 'm1', url: '/public/v1/media/m1/1x1-512.jpg', alt: null });
    expect(importedAvatar(pasted, item({ altText: 'Portrait' })).avatarAlt).toBe('Jane Doe smiling at the camera');
  });
});
