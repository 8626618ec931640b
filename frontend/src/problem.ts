/** RFC 9457 problem details as every CMS service answers them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  /** 412: the version the server holds now. */
  currentVersion?: number;
  /** 409 on a workflow transition: what the caller may do instead. */
  allowedActions?: string[];
  currentStatus?: string;
  /** 409 on deleting a picture: how many places use it. */
  usageCount?: number;
  /** 409 on publishing (400 on scheduling too early) an embargoed article: when the embargo lifts. */
  embargoedUntil?: string;
}

/** Words for the API's field paths; anything else is turned into words from its name. */
const FIELD_LABELS: Record<string, string> = {
  headline: 'Headline',
  dek: 'Dek',
  body: 'Body',
  slug: 'Address (slug)',
  tags: 'Tags',
  byline: 'Byline',
  heroImage: 'Hero image',
  'heroImage.mediaId': 'Hero image picture',
  'heroImage.url': 'Hero image URL',
  'heroImage.alt': 'Hero image alt text',
  'heroImage.caption': 'Caption',
  'heroImage.credit': 'Credit',
  at: 'Publication time',
  until: 'Embargo until',
  'access.users': 'People who may open it',
  'access.roles': 'Roles who may open it',
  comment: 'Comment',
  displayName: 'Name',
  username: 'Keycloak username',
  email: 'Email',
  jobTitle: 'Job title',
  bio: 'Biography',
  xHandle: 'X handle',
  avatar: 'Photo',
  'avatar.mediaId': 'Photo from the library',
  'avatar.url': 'Photo URL',
  'avatar.alt': 'Photo description',
  title: 'Title',
  description: 'Description',
  maxItems: 'Maximum number of items',
  'overrides.headline': 'Headline override',
  'overrides.summary': 'Summary override',
  'overrides.image': 'Image override',
  'overrides.image.mediaId': 'Image override picture',
  'overrides.image.url': 'Image URL override',
  'overrides.image.alt': 'Image alt text',
  'window.until': 'Show until',
  'window.from': 'Show from',
  url: 'URL',
  events: 'Events',
  kind: 'Kind',
  file: 'File',
  altText: 'Alt text',
  copyright: 'Copyright',
  source: 'Source',
  focalPoint: 'Focal point',
  'focalPoint.x': 'Focal point across',
  'focalPoint.y': 'Focal point down',
  primarySectionId: 'Section',
  secondarySectionIds: 'Also in sections',
  parentId: 'Parent section',
  'seo.title': 'SEO title',
  'seo.description': 'Meta description',
  'seo.canonicalUrl': 'Canonical URL',
  'seo.noindex': 'Hide from search engines',
  'seo.socialImage': 'Social image',
  'seo.socialImage.mediaId': 'Social image',
  'seo.socialImage.url': 'Social image URL',
  'seo.socialImage.alt': 'Social image alt text',
  correction: 'Correction or update note',
  related: 'Related articles',
  'correction.kind': 'Kind of note',
  'correction.note': 'Correction or update note',
};

/** `tags[2]` → `tags`, `items[0].articleId` → `items.articleId`: the form field an error belongs to. */
export const fieldKey = (field: string) => field.replace(/\[\d+\]/g, '');

/** A field path in words ("heroImage.alt" → "Hero image alt text"). */
export function fieldLabel(field: string): string {
  const key = fieldKey(field);
  if (FIELD_LABELS[key]) return FIELD_LABELS[key];
  const words = key
    .split('.')
    .pop()!
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A validation message as a sentence a person reads beside the field (no field keys, no jargon). */
export function plainMessage(message: string): string {
  const m = message.trim();
  if (/^must not be (blank|null|empty)$/.test(m)) return 'This cannot be empty.';
  let match = /^size must be between (\d+) and (\d+)$/.exec(m);
  if (match) return match[1] === '0' ? `Use at most ${match[2]} characters.` : `Use between ${match[1]} and ${match[2]} characters.`;
  match = /^must be less than or equal to (\d+)$/.exec(m);
  if (match) return `Use ${match[1]} or less.`;
  match = /^must be greater than or equal to (\d+)$/.exec(m);
  if (match) return `Use ${match[1]} or more.`;
  if (/^needs at least one author/.test(m)) return 'Add at least one author to the byline before submitting.';
  if (/^must be a time in the future/.test(m)) return 'Choose a time in the future.';
  if (/^must be at or after the embargo lifts/.test(m)) return 'Choose the time the embargo lifts, or later.';
  if (/^must be within a year/.test(m)) return 'Choose a time within a year from now.';
  if (/^is not a newsroom role/.test(m)) return 'Choose editors, curators or writers.';
  if (/^is required when there is an image url$/.test(m)) return 'Describe the image: alt text is needed with an image.';
  if (/^already taken|^is already (taken|used)/.test(m)) return 'This is already used by another one; choose another.';
  if (/^(no picture with this id|names no picture) in the media library/i.test(m)) return 'This picture is not in the media library any more: it may have been deleted. Choose another one, or remove it.';
  if (/^names the same article twice$/.test(m)) return 'An article is in the list twice; remove one.';
  if (/^is this article itself$/.test(m)) return 'An article cannot be related to itself; remove it from the list.';
  if (/^no such article$/.test(m)) return 'An article in the list does not exist any more; remove it.';
  const sentence = m.charAt(0).toUpperCase() + m.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** Words for a person: the field errors in words (once each), else the detail. */
export function describeProblem(problem: Problem | undefined, status: number): string {
  if (problem?.errors?.length) {
    const lines = new Set(problem.errors.map((e) => `${fieldLabel(e.field)}: ${plainMessage(e.message)}`));
    return [...lines].join('\n');
  }
  if (status === 412) {
    // The API's words name version numbers; a person needs what happened and what to do.
    return 'This changed since you opened it: someone else saved it, or you did in another tab or window. Reload to see the latest, then make your change again.';
  }
  if (!problem || (!problem.detail && !problem.title)) {
    return status === 0 ? 'The server cannot be reached.' : `The request failed (HTTP ${status}).`;
  }
  return problem.detail ?? problem.title ?? '';
}

/** Field errors in plain words keyed by form field ("tags[2]" under "tags"), for showing next to the inputs. */
export function fieldErrors(problem: Problem | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of problem?.errors ?? []) {
    const key = fieldKey(error.field);
    const text = plainMessage(error.message);
    if (!out[key]) out[key] = text;
    else if (!out[key].includes(text)) out[key] = `${out[key]} ${text}`;
  }
  return out;
}

/**
 * A failed save of a form, split for showing each thing once: the errors of `formFields` at those fields (the first per
 * field), and a message only for what no field shows (a conflict, a stale version, the service away), each error put
 * in words by `wording`.
 */
export function splitFormErrors(
  problem: { errors?: { field: string; message: string }[]; detail?: string } | undefined,
  fallback: string,
  formFields: readonly string[],
  wording: (field: string, message: string) => string,
): { fields: Record<string, string>; message: string | null } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const e of problem?.errors ?? []) {
    const text = wording(e.field, e.message);
    if (formFields.includes(e.field)) {
      if (!fields[e.field]) fields[e.field] = text;
    } else if (!other.includes(text)) {
      other.push(text);
    }
  }
  const message = other.length ? other.join(' ') : Object.keys(fields).length ? null : problem?.detail ?? fallback;
  return { fields, message };
}

/** A problem raised by the API client: the HTTP status plus the parsed problem body, when there was one. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem | undefined) {
    super(describeProblem(problem, status));
    this.name = 'ApiError';
  }

  get isConflict(): boolean {
    return this.status === 412;
  }

  /** Whether the problem names fields (shown at the fields rather than in a notification). */
  get hasFieldErrors(): boolean {
    return (this.problem?.errors?.length ?? 0) > 0;
  }
}

/** A readable message from anything a promise may reject with. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'The server cannot be reached. Check your connection and try again.';
  if (error instanceof Error) return error.message;
  return String(error);
}
