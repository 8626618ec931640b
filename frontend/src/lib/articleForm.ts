import { blankToNull } from './format';
import type { Article, ArticleContent } from './types';

export const emptyContent = (): ArticleContent => ({ slug: '', headline: '', dek: '', body: '', heroImage: { url: '', alt: '', caption: '', credit: '' }, tags: [], byline: [] });

/** The editable part of an article as the form holds it (no nulls). */
export function contentOf(article: ArticleContent): ArticleContent {
  return {
    slug: article.slug ?? '',
    headline: article.headline ?? '',
    dek: article.dek ?? '',
    body: article.body ?? '',
    heroImage: {
      url: article.heroImage?.url ?? '',
      alt: article.heroImage?.alt ?? '',
      caption: article.heroImage?.caption ?? '',
      credit: article.heroImage?.credit ?? '',
    },
    tags: [...(article.tags ?? [])],
    byline: [...(article.byline ?? [])],
  };
}

/** The request body for POST/PUT /articles: blanks cleared, an image only when something of it is set. */
export function toRequest(content: ArticleContent, current?: Article | null) {
  const hero = content.heroImage ?? {};
  const heroSet = [hero.url, hero.alt, hero.caption, hero.credit].some((v) => v && v.trim());
  return {
    slug: blankToNull(content.slug) ?? current?.slug ?? null,
    headline: content.headline.trim(),
    dek: blankToNull(content.dek),
    body: content.body ?? '',
    heroImage: heroSet
      ? { url: blankToNull(hero.url), alt: blankToNull(hero.alt), caption: blankToNull(hero.caption), credit: blankToNull(hero.credit) }
      : null,
    tags: content.tags,
    byline: content.byline,
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
