import type { HeroImage, ImageRef, ListItem, Overrides } from './types';

/** What the rail shows of an article when no override is set (its published headline, dek and hero image). */
export interface ArticleCard {
  id: string;
  slug: string;
  headline: string;
  dek?: string | null;
  heroImage?: HeroImage | null;
  live: boolean;
}

export interface RailView {
  headline: string;
  summary: string | null;
  image: ImageRef | null;
  overridden: { headline: boolean; summary: boolean; image: boolean };
}

/** The rail item readers will get: each override wins over the article's own field (as the curation service resolves it). */
export function railView(item: Pick<ListItem, 'overrides'>, article: ArticleCard | undefined): RailView {
  const o = item.overrides ?? {};
  const hero = article?.heroImage?.url ? { url: article.heroImage.url, alt: article.heroImage.alt ?? '' } : null;
  return {
    headline: o.headline ?? article?.headline ?? 'Loading…',
    summary: o.summary ?? article?.dek ?? null,
    image: o.image?.url ? o.image : hero,
    overridden: { headline: o.headline != null, summary: o.summary != null, image: o.image != null },
  };
}

/** Form strings → the overrides body: blank fields mean "use the article's own". */
export function overridesFrom(form: { headline: string; summary: string; imageUrl: string; imageAlt: string }): Overrides | null {
  const headline = form.headline.trim() || null;
  const summary = form.summary.trim() || null;
  const image = form.imageUrl.trim() ? { url: form.imageUrl.trim(), alt: form.imageAlt.trim() || null } : null;
  return headline || summary || image ? { headline, summary, image } : null;
}

/** Whether an item shows at a time, given its window (open ends are unbounded). */
export function inWindow(item: Pick<ListItem, 'window'>, at: Date): boolean {
  const w = item.window;
  if (!w) return true;
  if (w.from && new Date(w.from) > at) return false;
  if (w.until && new Date(w.until) <= at) return false;
  return true;
}
