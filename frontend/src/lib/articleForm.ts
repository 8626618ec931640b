import { blankToNull } from './format';
import { heroImageBody, heroOf, noHero } from './heroImage';
import { correctionBody, correctionOf, noCorrection, noSeo, seoBody, seoOf } from './seo';
import type { Article, ArticleContent } from './types';

export const emptyContent = (): ArticleContent => ({ slug: '', headline: '', dek: '', body: '', heroImage: noHero(), tags: [], byline: [], primarySectionId: null, secondarySectionIds: [], seo: noSeo(), correction: noCorrection(), related: [] });

/** The editable part of an article as the form holds it (no nulls). */
export function contentOf(article: ArticleContent): ArticleContent {
  return {
    slug: article.slug ?? '',
    headline: article.headline ?? '',
    dek: article.dek ?? '',
    body: article.body ?? '',
    heroImage: heroOf(article.heroImage),
    tags: [...(article.tags ?? [])],
    byline: [...(article.byline ?? [])],
    primarySectionId: article.primarySectionId ?? null,
    secondarySectionIds: [...(article.secondarySectionIds ?? [])],
    seo: seoOf(article.seo),
    correction: correctionOf(article.correction),
    related: [...(article.related ?? [])],
  };
}

/**
 * The request body for POST/PUT /articles: blanks cleared; the hero image as a library picture (`mediaId`, no
 * address), as a pasted address, or null when nothing of it is set (see `heroImageBody`); `seo` and `correction`
 * null when empty.
 */
export function toRequest(content: ArticleContent, current?: Article | null) {
  return {
    slug: blankToNull(content.slug) ?? current?.slug ?? null,
    headline: content.headline.trim(),
    dek: blankToNull(content.dek),
    body: content.body ?? '',
    heroImage: heroImageBody(content.heroImage),
    tags: content.tags,
    byline: content.byline,
    // none chosen: a new article starts in the default section, a saved one keeps its own
    primarySectionId: content.primarySectionId || current?.primarySectionId || null,
    secondarySectionIds: content.secondarySectionIds ?? [],
    seo: seoBody(content.seo),
    correction: correctionBody(content.correction),
    related: content.related ?? [],
  };
}

/** Editors edit any article that is not archived; writers their own drafts (the service enforces the same). */
export function mayEdit(article: Article | null, user: { username: string; roles: string[] }): boolean {
  const editor = user.roles.includes('editor') || user.roles.includes('admin');
  if (!article) return editor || user.roles.includes('writer');
  if (article.status === 'ARCHIVED') return false;
  return editor || (user.roles.includes('writer') && article.owner === user.username && article.status === 'DRAFT');
}

export function sameContent(a: ArticleContent, b: ArticleContent): boolean {
  return JSON.stringify(toRequest(a)) === JSON.stringify(toRequest(b));
}
