import { correctionOf, seoOf } from './seo';
import { socialImageOf } from './socialImage';
import type { ArticleContent } from './types';

/** The article fields a person edits, flattened, with the words the conflict dialog shows. */
export const CONTENT_FIELDS = [
  ['headline', 'Headline'],
  ['slug', 'Slug'],
  ['dek', 'Dek'],
  ['body', 'Body'],
  ['heroImage.mediaId', 'Hero image'],
  ['heroImage.url', 'Hero image URL'],
  ['heroImage.alt', 'Hero image alt text'],
  ['heroImage.caption', 'Hero image caption'],
  ['heroImage.credit', 'Hero image credit'],
  ['tags', 'Tags'],
  ['byline', 'Byline'],
  ['seo.title', 'SEO title'],
  ['seo.description', 'Meta description'],
  ['seo.canonicalUrl', 'Canonical URL'],
  ['seo.noindex', 'Hidden from search engines'],
  ['seo.socialImage.mediaId', 'Social image'],
  ['seo.socialImage.url', 'Social image URL'],
  ['seo.socialImage.alt', 'Social image alt text'],
  ['correction', 'Correction or update note'],
  ['related', 'Related articles'],
] as const;

export type ContentField = (typeof CONTENT_FIELDS)[number][0];

/** A library picture in words for a person comparing two versions (its id is all the article holds of it). */
export function pictureWords(mediaId: string | null | undefined): string {
  const id = mediaId?.trim();
  return id ? `Picture ${id.slice(0, 8)} from the media library` : '';
}

/**
 * A field's value as compared: the hero image's picture by its library id; its address only when it is a pasted one
 * (a library picture's address is derived by the server, not edited).
 */
export function fieldValue(content: ArticleContent, field: ContentField): string {
  switch (field) {
    case 'tags':
      return (content.tags ?? []).join(', ');
    case 'byline':
      return (content.byline ?? []).join(', ');
    case 'related':
      return (content.related ?? []).join(', ');
    case 'heroImage.mediaId':
      return content.heroImage?.mediaId?.trim() ?? '';
    case 'heroImage.url':
      return content.heroImage?.mediaId?.trim() ? '' : (content.heroImage?.url ?? '');
    case 'heroImage.alt':
    case 'heroImage.caption':
    case 'heroImage.credit':
      return content.heroImage?.[field.slice('heroImage.'.length) as 'url'] ?? '';
    case 'seo.title':
    case 'seo.description':
    case 'seo.canonicalUrl':
      return seoOf(content.seo)[field.slice('seo.'.length) as 'title'].trim();
    case 'seo.noindex':
      return seoOf(content.seo).noindex ? 'yes' : '';
    case 'seo.socialImage.mediaId':
    case 'seo.socialImage.url':
    case 'seo.socialImage.alt':
      // like the hero image's: the picture by its library id, an address only when it is a pasted one
      return socialImageOf(content.seo?.socialImage)[field.slice('seo.socialImage.'.length) as 'url'].trim();
    case 'correction': {
      const note = correctionOf(content.correction);
      return note.note.trim() ? `${note.kind}: ${note.note.trim()}` : '';
    }
    default:
      return (content[field] ?? '') as string;
  }
}

export interface ConflictRow {
  field: ContentField;
  label: string;
  base: string;
  mine: string;
  theirs: string;
  /** Who changed it since the common base. */
  changedByMe: boolean;
  changedByThem: boolean;
  /** What the dialog pre-selects: their change when only they changed it, else mine. */
  suggested: 'mine' | 'theirs';
}

/** The fields where my copy and the server's copy differ, relative to the version both started from (in words). */
export function conflictRows(base: ArticleContent, mine: ArticleContent, theirs: ArticleContent): ConflictRow[] {
  const rows: ConflictRow[] = [];
  for (const [field, label] of CONTENT_FIELDS) {
    const b = fieldValue(base, field);
    const m = fieldValue(mine, field);
    const t = fieldValue(theirs, field);
    if (m === t) continue;
    const changedByMe = m !== b;
    const changedByThem = t !== b;
    const words = field === 'heroImage.mediaId' || field === 'seo.socialImage.mediaId' ? pictureWords : (v: string) => v;
    rows.push({ field, label, base: words(b), mine: words(m), theirs: words(t), changedByMe, changedByThem, suggested: changedByThem && !changedByMe ? 'theirs' : 'mine' });
  }
  return rows;
}

/** My copy with the chosen fields taken from theirs. */
export function mergeContent(mine: ArticleContent, theirs: ArticleContent, choices: Partial<Record<ContentField, 'mine' | 'theirs'>>): ArticleContent {
  const merged: ArticleContent = { ...mine, heroImage: { ...(mine.heroImage ?? {}) }, tags: [...mine.tags], byline: [...mine.byline] };
  for (const [field, choice] of Object.entries(choices) as [ContentField, 'mine' | 'theirs'][]) {
    if (choice !== 'theirs') continue;
    switch (field) {
      case 'tags':
        merged.tags = [...(theirs.tags ?? [])];
        break;
      case 'byline':
        merged.byline = [...(theirs.byline ?? [])];
        break;
      case 'related':
        merged.related = [...(theirs.related ?? [])];
        break;
      case 'heroImage.mediaId':
        // Their picture (or none); a library picture has no pasted address of its own.
        merged.heroImage = theirs.heroImage?.mediaId?.trim()
          ? { ...merged.heroImage, mediaId: theirs.heroImage.mediaId.trim(), url: '' }
          : { ...merged.heroImage, mediaId: '' };
        break;
      case 'heroImage.url':
      case 'heroImage.alt':
      case 'heroImage.caption':
      case 'heroImage.credit': {
        const key = field.slice('heroImage.'.length) as 'url' | 'alt' | 'caption' | 'credit';
        merged.heroImage = { ...merged.heroImage, [key]: theirs.heroImage?.[key] ?? null };
        break;
      }
      case 'seo.title':
      case 'seo.description':
      case 'seo.canonicalUrl':
      case 'seo.noindex': {
        const key = field.slice('seo.'.length) as 'title' | 'description' | 'canonicalUrl' | 'noindex';
        merged.seo = { ...seoOf(merged.seo), [key]: seoOf(theirs.seo)[key] };
        break;
      }
      case 'seo.socialImage.mediaId': {
        // their picture (or none): a library picture has no pasted address of its own
        const now = seoOf(merged.seo);
        const id = socialImageOf(theirs.seo?.socialImage).mediaId;
        merged.seo = { ...now, socialImage: id ? { ...now.socialImage, mediaId: id, url: '' } : { ...now.socialImage, mediaId: '' } };
        break;
      }
      case 'seo.socialImage.url':
      case 'seo.socialImage.alt': {
        const key = field.slice('seo.socialImage.'.length) as 'url' | 'alt';
        const now = seoOf(merged.seo);
        merged.seo = { ...now, socialImage: { ...now.socialImage, [key]: socialImageOf(theirs.seo?.socialImage)[key] } };
        break;
      }
      case 'correction':
        merged.correction = correctionOf(theirs.correction);
        break;
      default:
        merged[field] = theirs[field] ?? '';
    }
  }
  return merged;
}
