import type { ArticleContent } from './types';

/** The article fields a person edits, flattened, with the words the conflict dialog shows. */
export const CONTENT_FIELDS = [
  ['headline', 'Headline'],
  ['slug', 'Slug'],
  ['dek', 'Dek'],
  ['body', 'Body'],
  ['heroImage.url', 'Hero image URL'],
  ['heroImage.alt', 'Hero image alt text'],
  ['heroImage.caption', 'Hero image caption'],
  ['heroImage.credit', 'Hero image credit'],
  ['tags', 'Tags'],
  ['byline', 'Byline'],
] as const;

export type ContentField = (typeof CONTENT_FIELDS)[number][0];

export function fieldValue(content: ArticleContent, field: ContentField): string {
  switch (field) {
    case 'tags':
      return (content.tags ?? []).join(', ');
    case 'byline':
      return (content.byline ?? []).join(', ');
    case 'heroImage.url':
    case 'heroImage.alt':
    case 'heroImage.caption':
    case 'heroImage.credit':
      return content.heroImage?.[field.slice('heroImage.'.length) as 'url'] ?? '';
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

/** The fields where my copy and the server's copy differ, relative to the version both started from. */
export function conflictRows(base: ArticleContent, mine: ArticleContent, theirs: ArticleContent): ConflictRow[] {
  const rows: ConflictRow[] = [];
  for (const [field, label] of CONTENT_FIELDS) {
    const b = fieldValue(base, field);
    const m = fieldValue(mine, field);
    const t = fieldValue(theirs, field);
    if (m === t) continue;
    const changedByMe = m !== b;
    const changedByThem = t !== b;
    rows.push({ field, label, base: b, mine: m, theirs: t, changedByMe, changedByThem, suggested: changedByThem && !changedByMe ? 'theirs' : 'mine' });
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
      case 'heroImage.url':
      case 'heroImage.alt':
      case 'heroImage.caption':
      case 'heroImage.credit': {
        const key = field.slice('heroImage.'.length) as 'url' | 'alt' | 'caption' | 'credit';
        merged.heroImage = { ...merged.heroImage, [key]: theirs.heroImage?.[key] ?? null };
        break;
      }
      default:
        merged[field] = theirs[field] ?? '';
    }
  }
  return merged;
}
