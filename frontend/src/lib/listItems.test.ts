import { describe, expect, it } from 'vitest';
import { chooseItemImage, draftDifferences, draftErrors, inWindow, itemFieldErrors, keptAsSent, overrideChanges, overrideFormOf, overridesFrom, railView, removeItemImage } from './listItems';
import type { ListItem } from './types';

const article = { id: 'a', slug: 'outage', headline: 'Outage', dek: 'Two hours dark.', heroImage: { url: 'https://img/1.jpg', alt: 'Servers' }, live: true };
const bare = { ...article, heroImage: null };

describe('railView', () => {
  it('uses the article when nothing is overridden', () => {
    expect(railView({ overrides: null }, article)).toEqual({
      headline: 'Outage', summary: 'Two hours dark.', image: { url: 'https://img/1.jpg', alt: 'Servers' },
      overridden: { headline: false, summary: false, image: false },
    });
  });

  it('lets each override win', () => {
    const view = railView({ overrides: { headline: 'Short', summary: null, image: { url: 'https://img/2.jpg', alt: 'Rack' } } }, article);
    expect(view.headline).toBe('Short');
    expect(view.summary).toBe('Two hours dark.');
    expect(view.image).toEqual({ url: 'https://img/2.jpg', alt: 'Rack' });
    expect(view.overridden).toEqual({ headline: true, summary: false, image: true });
  });

  it('keeps the article’s own image with alt text given alone, and shows no image when the article has none', () => {
    const altOnly = { overrides: { image: { url: null, alt: 'Racks of servers, dark' } } };
    expect(railView(altOnly, article).image).toEqual({ url: 'https://img/1.jpg', alt: 'Racks of servers, dark' });
    expect(railView(altOnly, article).overridden.image).toBe(true);
    expect(railView(altOnly, bare).image).toBeNull();
  });
});

describe('overridesFrom', () => {
  it('turns blanks into no override', () => {
    expect(overridesFrom({ headline: ' ', summary: '', imageUrl: '', imageAlt: ' ' })).toBeNull();
    expect(overridesFrom({ headline: 'H', summary: '', imageUrl: 'https://i/1.png', imageAlt: ' A ' })).toEqual({ headline: 'H', summary: null, image: { url: 'https://i/1.png', alt: 'A' } });
  });

  it('sends alt text alone as an image override without a URL', () => {
    expect(overridesFrom({ headline: '', summary: '', imageUrl: ' ', imageAlt: ' Servers at night ' })).toEqual({ headline: null, summary: null, image: { url: null, alt: 'Servers at night' } });
  });
});

describe('keptAsSent', () => {
  const sent = { overrides: { headline: null, summary: null, image: { url: null, alt: 'Servers' } }, window: { from: '2026-06-01T10:00:00.000Z', until: null } };
  it('accepts what the server echoes in its own spelling', () => {
    expect(keptAsSent(sent, { overrides: { image: { alt: 'Servers' } }, window: { from: '2026-06-01T10:00:00Z' } })).toBe(true);
  });
  it('notices a dropped override, a changed window or a missing item', () => {
    expect(keptAsSent(sent, { overrides: null, window: { from: '2026-06-01T10:00:00Z' } })).toBe(false);
    expect(keptAsSent(sent, { overrides: { image: { alt: 'Servers' } }, window: null })).toBe(false);
    expect(keptAsSent(sent, undefined)).toBe(false);
  });
  it('names the override fields that differ', () => {
    expect(overrideChanges({ headline: 'A', image: { url: 'https://i/1', alt: 'x' } }, { headline: 'A ', image: { alt: 'y' } })).toEqual(['image URL', 'image alt text']);
  });
});

describe('draftDifferences', () => {
  const item = (articleId: string, extra: Partial<ListItem> = {}): ListItem => ({ articleId, position: 0, ...extra });
  const names: Record<string, string> = { a: 'Alpha', b: 'Bravo', c: 'Charlie', d: 'Delta', e: 'Echo' };
  const headline = (id: string) => names[id];
  const live = ['a', 'b', 'c', 'd'].map((id) => item(id));

  it('finds nothing when the draft is the live list', () => {
    expect(draftDifferences(live, live, headline)).toEqual([]);
  });

  it('reads one drag to the top as one move, in words with the headline', () => {
    const draft = ['d', 'a', 'b', 'c'].map((id) => item(id));
    expect(draftDifferences(draft, live, headline)).toEqual([{ kind: 'moved', articleId: 'd', text: '“Delta” moved up from position 4 to 1' }]);
  });

  it('names added and removed stories without calling the others moved', () => {
    const draft = ['e', 'a', 'c', 'd'].map((id) => item(id));
    expect(draftDifferences(draft, live, headline).map((d) => d.text)).toEqual(['“Echo” added at position 1', '“Bravo” removed (was at position 2)']);
  });

  it('names changed overrides and windows', () => {
    const draft = [item('a', { overrides: { headline: 'Curated' } }), item('b', { window: { until: '2030-01-01T00:00:00Z' } }), item('c'), item('d')];
    expect(draftDifferences(draft, live, headline)).toEqual([
      { kind: 'overrides', articleId: 'a', text: '“Alpha”: headline override changed' },
      { kind: 'window', articleId: 'b', text: '“Bravo”: the times it shows changed' },
    ]);
  });

  it('treats everything as added when the list was never published', () => {
    expect(draftDifferences([item('a')], null, headline).map((d) => d.kind)).toEqual(['added']);
  });
});

describe('inWindow', () => {
  it('respects from and until', () => {
    const at = new Date('2026-06-01T12:00:00Z');
    expect(inWindow({ window: null }, at)).toBe(true);
    expect(inWindow({ window: { from: '2026-06-02T00:00:00Z' } }, at)).toBe(false);
    expect(inWindow({ window: { until: '2026-06-01T12:00:00Z' } }, at)).toBe(false);
    expect(inWindow({ window: { from: '2026-05-01T00:00:00Z', until: '2026-07-01T00:00:00Z' } }, at)).toBe(true);
  });
});

describe('a library picture as an item’s image override', () => {
  const form = { headline: '', summary: '', imageMediaId: '', imageUrl: '', imageAlt: '' };

  it('is sent as {mediaId, url, alt}: the 16:9 address as the picker gives it, a blank alt meaning the library’s', () => {
    const chosen = chooseItemImage(form, { mediaId: 'm1', url: '/public/v1/media/m1/16x9-1024.jpg' });
    expect(overridesFrom(chosen)).toEqual({ headline: null, summary: null, image: { mediaId: 'm1', url: '/public/v1/media/m1/16x9-1024.jpg', alt: null } });
    expect(overridesFrom({ ...chosen, imageAlt: ' The ferry at the quay ' })!.image).toEqual({ mediaId: 'm1', url: '/public/v1/media/m1/16x9-1024.jpg', alt: 'The ferry at the quay' });
  });

  it('replaces a pasted address and its alt text; the same picture chosen again keeps the item’s alt text', () => {
    const pasted = { ...form, imageUrl: 'https://img/2.jpg', imageAlt: 'Rack' };
    expect(chooseItemImage(pasted, { mediaId: 'm1', url: '/m1.jpg' })).toEqual({ ...form, imageMediaId: 'm1', imageUrl: '/m1.jpg', imageAlt: '' });
    const mine = { ...form, imageMediaId: 'm1', imageUrl: '/m1.jpg', imageAlt: 'Ferry' };
    expect(chooseItemImage(mine, { mediaId: 'm1', url: '/m1.jpg' }).imageAlt).toBe('Ferry');
    expect(removeItemImage(mine)).toEqual(form);
    expect(overridesFrom(removeItemImage({ ...mine, headline: 'H' }))).toEqual({ headline: 'H', summary: null, image: null });
  });

  it('is loaded as a library picture, and kept when the server answers with its own address for it', () => {
    const stored = { image: { mediaId: 'm1', url: '/public/v1/media/m1/16x9-1024.jpg', alt: null } };
    expect(overrideFormOf(stored)).toEqual({ headline: '', summary: '', imageMediaId: 'm1', imageUrl: '/public/v1/media/m1/16x9-1024.jpg', imageAlt: '' });
    expect(overrideFormOf(null)).toEqual(form);
    const sent = { overrides: { headline: null, summary: null, image: { mediaId: 'm1', url: '/m1-16x9.jpg', alt: null } }, window: null };
    expect(keptAsSent(sent, { overrides: { image: { mediaId: 'm1', url: '/public/v1/media/m1/16x9-1024.jpg' } }, window: null })).toBe(true);
    expect(keptAsSent(sent, { overrides: { image: { url: '/m1-16x9.jpg' } }, window: null })).toBe(false);
    expect(overrideChanges({ image: { url: 'https://img/2.jpg', alt: 'Rack' } }, { image: { mediaId: 'm1', url: '/m1.jpg', alt: 'Rack' } })).toEqual(['library picture', 'image URL']);
  });

  it('shows in the rail with the library’s alt text unless the item has its own', () => {
    const item = { overrides: { image: { mediaId: 'm1', url: '/m1.jpg', alt: null } } };
    expect(railView(item, article, 'A ferry at the quay').image).toEqual({ mediaId: 'm1', url: '/m1.jpg', alt: 'A ferry at the quay' });
    expect(railView({ overrides: { image: { mediaId: 'm1', url: '/m1.jpg', alt: 'Mine' } } }, article, 'Library').image!.alt).toBe('Mine');
    expect(railView(item, article).overridden.image).toBe(true);
  });
});

describe('errors about items', () => {
  const items = [{ articleId: 'a' }, { articleId: 'b' }];

  it('of a whole-draft answer go to their item (by its place in the draft), in words, once', () => {
    const errors = draftErrors(
      {
        errors: [
          { field: 'items[1].overrides.image.alt', message: 'Describe the picture for readers who cannot see it' },
          { field: 'items[1].overrides.image.alt', message: 'Describe the picture for readers who cannot see it' },
          { field: 'items[0].overrides.image.mediaId', message: 'names no picture in the media library (it may have been deleted)' },
          { field: 'items[7].articleId', message: 'already in the list' },
          { field: 'at', message: 'must be a time in the future' },
        ],
      },
      items,
    );
    expect(errors.byItem).toEqual({
      b: { 'overrides.image.alt': 'Describe the picture for readers who cannot see it.' },
      a: { 'overrides.image.mediaId': 'This picture is not in the media library any more: it may have been deleted. Choose another one, or remove it.' },
    });
    expect(errors.rest).toEqual({ 'items.articleId': 'Already in the list.', at: 'Choose a time in the future.' });
  });

  it('of one item’s update are keyed by the item’s own fields', () => {
    expect(itemFieldErrors({ errors: [{ field: 'overrides.image.mediaId', message: 'No picture with this id in the media library' }, { field: 'items[0].overrides.image.alt', message: 'Describe it' }] })).toEqual({
      'overrides.image.mediaId': 'This picture is not in the media library any more: it may have been deleted. Choose another one, or remove it.',
      'overrides.image.alt': 'Describe it.',
    });
  });
});
