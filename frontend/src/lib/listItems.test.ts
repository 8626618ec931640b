import { describe, expect, it } from 'vitest';
import { inWindow, overridesFrom, railView } from './listItems';

const article = { id: 'a', slug: 'outage', headline: 'Outage', dek: 'Two hours dark.', heroImage: { url: 'https://img/1.jpg', alt: 'Servers' }, live: true };

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
});

describe('overridesFrom', () => {
  it('turns blanks into no override', () => {
    expect(overridesFrom({ headline: ' ', summary: '', imageUrl: '', imageAlt: 'x' })).toBeNull();
    expect(overridesFrom({ headline: 'H', summary: '', imageUrl: 'https://i/1.png', imageAlt: ' A ' })).toEqual({ headline: 'H', summary: null, image: { url: 'https://i/1.png', alt: 'A' } });
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
