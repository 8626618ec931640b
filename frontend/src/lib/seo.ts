/**
 * Search and social fields of an article: how the form holds and sends them, what a search result and a social
 * card would show (with their fallbacks: headline and dek), and the length warnings in plain words.
 */
import { noSocialImage, socialImageBody, socialImageOf, type SocialImageBody, type SocialImageForm } from './socialImage';
import type { CorrectionKind, CorrectionNote, Seo } from './types';

/** Past these, search results cut the text (Google measures in pixels; these are the usual character counts). */
export const TITLE_SHOWN = 60;
export const DESCRIPTION_SHOWN = 160;
/** What the server takes at most (it answers 400 beyond). */
export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 300;

/** The form's SEO fields: strings, never null. */
export interface SeoForm {
  title: string;
  description: string;
  canonicalUrl: string;
  noindex: boolean;
  /** The social card's own picture (empty: the hero image). */
  socialImage: SocialImageForm;
}

/** The request's `seo`. */
export interface SeoBody {
  title: string | null;
  description: string | null;
  canonicalUrl: string | null;
  noindex: boolean;
  socialImage: SocialImageBody | null;
}

/** The form's correction or update note: an empty note means none. */
export interface CorrectionForm {
  kind: CorrectionKind;
  note: string;
}

export const noSeo = (): SeoForm => ({ title: '', description: '', canonicalUrl: '', noindex: false, socialImage: noSocialImage() });
export const noCorrection = (): CorrectionForm => ({ kind: 'correction', note: '' });

export function seoOf(seo: Seo | null | undefined): SeoForm {
  return {
    title: seo?.title ?? '',
    description: seo?.description ?? '',
    canonicalUrl: seo?.canonicalUrl ?? '',
    noindex: seo?.noindex ?? false,
    socialImage: socialImageOf(seo?.socialImage),
  };
}

export function correctionOf(note: CorrectionNote | null | undefined): CorrectionForm {
  return note ? { kind: note.kind, note: note.note } : noCorrection();
}

/** The request's `seo`: blanks cleared, or null when nothing is set (the server's default). */
export function seoBody(seo: Seo | null | undefined): SeoBody | null {
  const body = {
    title: seo?.title?.trim() || null,
    description: seo?.description?.trim() || null,
    canonicalUrl: seo?.canonicalUrl?.trim() || null,
    noindex: seo?.noindex ?? false,
    socialImage: socialImageBody(seo?.socialImage),
  };
  return body.title || body.description || body.canonicalUrl || body.noindex || body.socialImage ? body : null;
}

/** The request's `correction`: null without a note. */
export function correctionBody(correction: CorrectionNote | null | undefined): CorrectionNote | null {
  const note = correction?.note?.trim();
  return correction && note ? { kind: correction.kind, note } : null;
}

/**
 * `text` cut as a search result would: whole words up to about `limit` characters, then an ellipsis. Text that fits
 * is returned as it is.
 */
export function truncateForSearch(text: string, limit: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= limit) return clean;
  const cut = clean.slice(0, limit);
  const lastSpace = cut.lastIndexOf(' ');
  const words = lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut;
  return `${words.replace(/[\s,;:.–—-]+$/, '')} …`;
}

/** The warning for a title of this length, or null when it fits. */
export function titleWarning(title: string): string | null {
  const n = title.trim().length;
  if (n > TITLE_MAX) return `The title is ${n} characters; it can be at most ${TITLE_MAX}.`;
  if (n > TITLE_SHOWN) return `The title is ${n} characters; search results show about ${TITLE_SHOWN}, so its end will be cut off.`;
  return null;
}

/** The warning for a description of this length, or null when it fits. */
export function descriptionWarning(description: string): string | null {
  const n = description.trim().length;
  if (n > DESCRIPTION_MAX) return `The description is ${n} characters; it can be at most ${DESCRIPTION_MAX}.`;
  if (n > DESCRIPTION_SHOWN) {
    return `The description is ${n} characters; search results show about ${DESCRIPTION_SHOWN}, so its end will be cut off.`;
  }
  return null;
}

/** What is wrong with a canonical URL as typed (the server checks the same), or null: blank or a good address. */
export function canonicalUrlProblem(value: string): string | null {
  const url = value.trim();
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname && !/\s/.test(url)) return null;
  } catch {
    // not an address at all
  }
  return 'Enter a full address starting with https:// (or http://), or leave it empty for the article’s own page.';
}

/** What the article has to fall back on: its headline, dek and slug, and the card's picture (`cardPicture`). */
export interface ArticleBasics {
  headline: string;
  dek: string;
  slug: string;
  imageUrl?: string | null;
  imageAlt?: string | null;
}

export interface SearchPreview {
  title: string;
  /** The address as search results print it: host › path › parts. */
  url: string;
  description: string;
}

export interface SocialCard {
  title: string;
  description: string;
  /** The host the card names, or null when the article's own site is not known here. */
  site: string | null;
  imageUrl: string | null;
  imageAlt: string;
}

const effectiveTitle = (seo: SeoForm, article: ArticleBasics) => seo.title.trim() || article.headline.trim();
const effectiveDescription = (seo: SeoForm, article: ArticleBasics) => seo.description.trim() || article.dek.trim();

function canonicalParts(seo: SeoForm): URL | null {
  if (canonicalUrlProblem(seo.canonicalUrl) || !seo.canonicalUrl.trim()) return null;
  return new URL(seo.canonicalUrl.trim());
}

/** The article as a search result: title and description cut where Google would, and its address. */
export function searchPreview(seo: SeoForm, article: ArticleBasics): SearchPreview {
  const canonical = canonicalParts(seo);
  const url = canonical
    ? [canonical.hostname, ...canonical.pathname.split('/').filter(Boolean)].join(' › ')
    : ['your site', article.slug.trim() || 'article-address'].join(' › ');
  return {
    title: truncateForSearch(effectiveTitle(seo, article) || 'Untitled article', TITLE_SHOWN),
    url,
    description: truncateForSearch(effectiveDescription(seo, article), DESCRIPTION_SHOWN),
  };
}

/** The article as a social card: its picture (the social image, else the hero), the title and a shortened description. */
export function socialCard(seo: SeoForm, article: ArticleBasics): SocialCard {
  const canonical = canonicalParts(seo);
  return {
    title: truncateForSearch(effectiveTitle(seo, article) || 'Untitled article', 70),
    description: truncateForSearch(effectiveDescription(seo, article), 200),
    site: canonical ? canonical.hostname : null,
    imageUrl: article.imageUrl?.trim() || null,
    imageAlt: article.imageAlt?.trim() ?? '',
  };
}

/** Whether a field error of a refused save or publish is about the search and social panel (which then opens). */
export const isSeoPanelError = (key: string) => key === 'seo' || key.startsWith('seo.') || key === 'correction' || key.startsWith('correction.');
