import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { heroImageBody, importedHero } from '../../lib/heroImage';
import type { MediaItem, MediaShape } from '../../lib/types';
import type { UrlImport } from '../../ui/LibraryImageField';
import { HeroImageField, LibraryHero, PastedHero } from './HeroImageField';

// The section as HTML (no browser here): what the Selenium stories and screen readers find in it.

const shape = (name: string, width: number, height: number): MediaShape => ({
  src: `/public/v1/media/m1/${name}-1024.jpg`,
  srcset: { webp: `/public/v1/media/m1/${name}-320.webp 320w, /public/v1/media/m1/${name}-640.webp 640w`, jpg: `/public/v1/media/m1/${name}-320.jpg 320w` },
  width,
  height,
});

const item = (over: Partial<MediaItem> = {}): MediaItem => ({
  id: 'm1',
  filename: 'harbour.jpg',
  mimeType: 'image/jpeg',
  width: 4000,
  height: 3000,
  byteSize: 1000,
  contentHash: 'abc',
  altText: 'Fishing boats in the harbour at dawn',
  caption: 'Morning in the harbour',
  credit: 'Jane Doe',
  tags: [],
  readyForPublishing: true,
  renditions: { original: shape('original', 4000, 3000), '16x9': shape('16x9', 1024, 576) },
  usageCount: 0,
  createdAt: '2026-11-30T10:00:00Z',
  version: 1,
  ...over,
});

const noop = () => undefined;
const field = (props: Partial<Parameters<typeof HeroImageField>[0]> = {}) =>
  renderToStaticMarkup(createElement(HeroImageField, { hero: {}, errors: {}, canUseMedia: true, onEdit: noop, onReplace: noop, ...props }));
const library = (props: Partial<Parameters<typeof LibraryHero>[0]> = {}) =>
  renderToStaticMarkup(
    createElement(LibraryHero, {
      hero: { mediaId: 'm1', alt: '', caption: '', credit: '' },
      mediaId: 'm1',
      item: item(),
      loading: false,
      problem: null,
      errs: {},
      canUseMedia: true,
      onEdit: noop,
      onRetry: noop,
      onReplaceClick: noop,
      onRemove: noop,
      ...props,
    }),
  );
const count = (html: string, text: string) => html.split(text).length - 1;

describe('the hero image section', () => {
  it('offers the library beside the pasted address', () => {
    const html = field({ hero: { url: 'https://img.example/a.jpg', alt: 'A desk' } });
    expect(html).toContain('data-testid="hero-choose-from-library"');
    expect(html).toMatch(/<button type="button"[^>]*data-testid="hero-choose-from-library"[^>]*>Choose from library<\/button>/);
    expect(html).toContain('id="hero-url"');
    expect(html).toContain('value="https://img.example/a.jpg"');
    expect(html).not.toContain('hero-media-preview');
    expect(field({ canUseMedia: false })).not.toContain('hero-choose-from-library');
  });

  it('shows a library picture while its details load, with its controls', () => {
    const html = field({ hero: { mediaId: 'm1', alt: '' } });
    expect(html).toContain('data-testid="hero-media-preview" data-state="loading" data-media-id="m1"');
    for (const id of ['hero-media-replace', 'hero-media-remove', 'hero-alt-override']) expect(html).toContain(`data-testid="${id}"`);
    expect(html).not.toContain('id="hero-url"');
  });

  it('previews the picture from its renditions with width and height, and says the library’s words', () => {
    const html = library();
    expect(html).toMatch(/<img [^>]*src="\/public\/v1\/media\/m1\/16x9-1024.jpg"[^>]*width="1024" height="576"/);
    expect(html).toContain('srcSet="/public/v1/media/m1/16x9-320.webp 320w, /public/v1/media/m1/16x9-640.webp 640w"');
    expect(html).toContain('sizes="(max-width: 860px) 100vw, 240px"');
    expect(html).toContain('alt="Fishing boats in the harbour at dawn"');
    expect(html).toContain('Library alt text: “Fishing boats in the harbour at dawn”');
    expect(html).toContain('placeholder="Morning in the harbour"');
    expect(html).toContain('placeholder="Jane Doe"');
    expect(html).toMatch(/<label for="hero-alt-override">Alt text for this article<\/label>/);
    expect(html).toContain('href="/media/m1"');
    expect(html).not.toContain('hero-library-alt-missing');
  });

  it('uses this article’s alt text for the preview when it has one', () => {
    expect(library({ hero: { mediaId: 'm1', alt: 'Two boats' } })).toContain('alt="Two boats"');
  });

  it('warns when the library has no alt text, with a link to describe it there', () => {
    const html = library({ item: item({ altText: null, readyForPublishing: false }) });
    expect(html).toContain('data-testid="hero-library-alt-missing"');
    expect(html).toContain('This picture has no alt text in the library yet.');
    expect(html).toMatch(/<a href="\/media\/m1" target="_blank" rel="noopener" data-testid="hero-media-library-link">Open it in the media library/);
    expect(html).toContain('(opens in a new tab)');
  });

  it('says a picture that cannot be fetched in words, once, at the picture', () => {
    const gone = 'This picture is not in the media library any more: it may have been deleted. Choose another one, or remove it.';
    const html = library({ item: null, problem: { text: gone, retry: false }, errs: { picture: gone } });
    expect(count(html, gone)).toBe(1);
    expect(html).toContain('data-error-anchor=""');
    expect(html).toContain('data-state="failed"');
    expect(html).not.toContain('hero-media-retry');
    const down = library({ item: null, problem: { text: 'The picture cannot be shown right now.', retry: true } });
    expect(down).toContain('data-testid="hero-media-retry"');
    expect(down).not.toContain('data-error-anchor');
    expect(down).toContain('role="status"');
  });

  it('shows the alt text refusal at the override field', () => {
    const html = library({ item: item({ altText: null }), errs: { alt: 'Describe the picture for readers who cannot see it before publishing.' } });
    expect(html).toMatch(/<input id="hero-alt-override"[^>]*aria-invalid="true" aria-describedby="hero-alt-override-error"/);
    expect(count(html, 'Describe the picture for readers who cannot see it before publishing.')).toBe(1);
  });
});

describe('importing the pasted hero image into the library', () => {
  const idle: UrlImport = { busy: false, error: null, run: noop };
  const pasted = (props: Partial<Parameters<typeof PastedHero>[0]> = {}) =>
    renderToStaticMarkup(createElement(PastedHero, { hero: { url: 'https://img.example/a.jpg', alt: 'A desk' }, errs: {}, urlImport: idle, canUseMedia: true, onEdit: noop, ...props }));

  it('is offered beside a pasted http or https address, to those who use the library', () => {
    const html = field({ hero: { url: 'https://img.example/a.jpg', alt: 'A desk' } });
    expect(html).toMatch(/<button type="button"[^>]*data-testid="hero-import-url"[^>]*>Import into library<\/button>/);
    expect(html).toContain('aria-describedby="hero-import-url-hint"');
    expect(field({ hero: { url: '', alt: '' } })).not.toContain('hero-import-url');
    expect(field({ hero: { url: 'ftp://img.example/a.jpg' } })).not.toContain('hero-import-url');
    expect(field({ hero: { url: 'https://img.example/a.jpg' }, canUseMedia: false })).not.toContain('hero-import-url');
    // a library picture has nothing to import
    expect(field({ hero: { mediaId: 'm1' } })).not.toContain('hero-import-url');
  });

  it('says it is under way, and why it failed at the address field, once, the address left as it is', () => {
    expect(pasted({ urlImport: { ...idle, busy: true } })).toMatch(/<button type="button"[^>]*disabled=""[^>]*data-testid="hero-import-url"[^>]*>Importing…<\/button>/);
    const words = 'Points into a private network: 10.0.0.8, a private network address.';
    const html = pasted({ urlImport: { ...idle, error: words }, errs: { url: words } });
    expect(count(html, words)).toBe(1);
    expect(html).toMatch(/<input id="hero-url"[^>]*aria-invalid="true" aria-describedby="hero-url-error"/);
    expect(html).toContain('value="https://img.example/a.jpg"');
    expect(pasted({ urlImport: { ...idle, error: words }, errs: { url: 'Use at most 2048 characters.' } })).toContain(`Use at most 2048 characters. ${words}`);
  });

  it('then holds the library picture, as if chosen in the picker, keeping typed words only where the library’s differ', () => {
    const typed = { url: 'https://img.example/a.jpg', alt: 'Fishing boats in the harbour at dawn', caption: 'Dawn', credit: 'Jane Doe' };
    const imported = importedHero(typed, item());
    expect(imported).toEqual({ mediaId: 'm1', url: '', alt: '', caption: 'Dawn', credit: '' });
    expect(heroImageBody(imported)).toEqual({ mediaId: 'm1', alt: null, caption: 'Dawn', credit: null });
    // the picture was in the library already, without alt text: the typed one stays as this article's
    expect(importedHero(typed, item({ altText: null, caption: null, credit: null }))).toMatchObject({ alt: typed.alt, caption: 'Dawn', credit: 'Jane Doe' });
    expect(field({ hero: imported })).toContain('data-testid="hero-media-preview" data-state="loading" data-media-id="m1"');
  });
});
