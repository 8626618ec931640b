/** The shapes the editor API and the public API answer with (see /work/shared/ARCHITECTURE.md, "API map"). */

export type ArticleStatus = 'DRAFT' | 'IN_REVIEW' | 'APPROVED' | 'SCHEDULED' | 'PUBLISHED' | 'UNPUBLISHED' | 'ARCHIVED';
export const STATUSES: ArticleStatus[] = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'PUBLISHED', 'UNPUBLISHED', 'ARCHIVED'];

export type Action = 'submit' | 'request_changes' | 'approve' | 'publish' | 'schedule' | 'unschedule' | 'unpublish' | 'unschedule_unpublish' | 'archive';

/**
 * An embargo holding an article back until `until`: no publish before, and meanwhile only its writer, admins and the
 * people (`access.users`) and roles (`access.roles`) it names can open it.
 */
export interface Embargo {
  until: string;
  access: { users: string[]; roles: string[] };
  setBy?: string | null;
  setAt?: string | null;
}

/**
 * An article's hero image: a picture from the media library (`mediaId`; the server answers with its rendition in
 * `url`, and a blank alt, caption or credit means the library's own), or a pasted address (`url` and `alt` needed).
 */
export interface HeroImage {
  mediaId?: string | null;
  url?: string | null;
  alt?: string | null;
  caption?: string | null;
  credit?: string | null;
}

export interface ArticleContent {
  slug?: string | null;
  headline: string;
  dek?: string | null;
  body?: string | null;
  heroImage?: HeroImage | null;
  tags: string[];
  byline: string[];
  /** The article's section (needed before submitting); null while a draft has none. */
  primarySectionId?: string | null;
  /** Further sections it appears in. */
  secondarySectionIds?: string[];
  /** What search engines and social cards show (blank title/description: the headline/dek). */
  seo?: Seo | null;
  /** A note readers get with the next publish (only once the article has been published). */
  correction?: CorrectionNote | null;
  /** Related articles chosen by hand (ids, in the order readers get them; at most 10). */
  related?: string[];
}

export interface Seo {
  title?: string | null;
  description?: string | null;
  canonicalUrl?: string | null;
  noindex: boolean;
  /** The social card's own picture; none: the hero image. */
  socialImage?: SocialImage | null;
}

/**
 * The social card's picture: from the media library (`mediaId`; the server answers with its card crop in `url`, and a
 * blank alt means the library's own) or a pasted address (`url` and `alt` needed).
 */
export interface SocialImage {
  mediaId?: string | null;
  url?: string | null;
  alt?: string | null;
}

export type CorrectionKind = 'correction' | 'update';

export interface CorrectionNote {
  kind: CorrectionKind;
  note: string;
}

/** A note readers were given, at the publish that carried it. */
export interface Correction extends CorrectionNote {
  at: string;
  revision: number;
}

export interface Article extends ArticleContent {
  id: string;
  slug: string;
  status: ArticleStatus;
  live: boolean;
  liveRevision: number | null;
  workingRevision: number;
  owner: string;
  createdAt: string;
  updatedAt: string;
  firstPublishedAt?: string | null;
  lastPublishedAt?: string | null;
  scheduledPublishAt?: string | null;
  /** The live article's expiry: it unpublishes by itself then. */
  scheduledUnpublishAt?: string | null;
  /** The embargo that holds the article now, or none. */
  embargo?: Embargo | null;
  allowedActions: Action[];
  /** A DRAFT handed back with request_changes and not moved on since. */
  changesRequested?: boolean;
  version: number;
  /** The correction and update notes readers were given, newest first. */
  corrections?: Correction[];
  /** Who reviews it next (assignee null: nobody); its own version for If-Match. */
  assignment?: import('./notifications').Assignment;
}

export interface ArticleSummary {
  id: string;
  slug: string;
  headline: string;
  status: ArticleStatus;
  live: boolean;
  tags: string[];
  byline: string[];
  owner: string;
  updatedAt: string;
  firstPublishedAt?: string | null;
  scheduledPublishAt?: string | null;
  /** A DRAFT handed back with request_changes and not moved on since (list filter `changesRequested=true`). */
  changesRequested?: boolean;
  /** Who reviews it next (null: nobody). */
  assignee?: string | null;
  /** When the embargo that holds it now lifts, or none. */
  embargoedUntil?: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface HistoryEntry {
  kind: 'transition' | 'comment';
  at: string;
  actor: string;
  action?: string | null;
  fromStatus?: ArticleStatus | null;
  toStatus?: ArticleStatus | null;
  comment?: string | null;
  revision?: number | null;
}

export interface RevisionSummary {
  number: number;
  author: string;
  createdAt: string;
  note?: string | null;
  live: boolean;
  working: boolean;
  headline: string;
  /** An editing session: its last save (createdAt is its first), how many saves it holds, the workflow steps taken on it. */
  updatedAt?: string;
  saves?: number;
  steps?: RevisionStep[];
}

export interface RevisionStep {
  action: string;
  actor: string;
  at: string;
}

export interface Revision extends ArticleContent {
  number: number;
  author: string;
  createdAt: string;
  note?: string | null;
  updatedAt?: string;
  saves?: number;
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface LineChange {
  type: string;
  fromLine: number;
  removed: string[];
  toLine: number;
  added: string[];
}

export interface RevisionDiff {
  from: number;
  to: number;
  changes: FieldChange[];
  body: LineChange[];
}

/**
 * An author's photo: a picture from the media library (`mediaId`, with the address of its square crop in `url`; a
 * blank alt means the library's own), or a pasted address (`url` and `alt`).
 */
export interface Avatar {
  mediaId?: string | null;
  url?: string | null;
  alt?: string | null;
}

export interface Social {
  x?: string | null;
  website?: string | null;
  linkedin?: string | null;
  mastodon?: string | null;
}

export interface Author {
  id: string;
  slug: string;
  displayName: string;
  jobTitle?: string | null;
  organization?: string | null;
  bio?: string | null;
  bioHtml?: string | null;
  avatar?: Avatar | null;
  social?: Social | null;
  email?: string | null;
  username?: string | null;
  active: boolean;
  bylined?: boolean;
  version: number;
}

/**
 * A list item's image (override): a picture from the media library (`mediaId`, with the address of its 16:9 crop in
 * `url`; a blank alt means the library's own), a pasted address with its alt text, or alt text alone (re-describing the
 * article's own image).
 */
export interface ImageRef {
  mediaId?: string | null;
  url?: string | null;
  alt?: string | null;
}

export interface Overrides {
  headline?: string | null;
  summary?: string | null;
  image?: ImageRef | null;
}

export interface ItemWindow {
  from?: string | null;
  until?: string | null;
}

export interface ListItem {
  articleId: string;
  position: number;
  overrides?: Overrides | null;
  window?: ItemWindow | null;
  addedBy?: string;
  addedAt?: string;
}

export interface Draft {
  version: number;
  items: ListItem[];
  updatedAt?: string;
  updatedBy?: string;
}

/** The live version as curated (GET /api/lists/{slug}/live); revision null: never published. */
export interface LiveVersion {
  revision: number | null;
  items: ListItem[];
  publishedAt?: string | null;
  publishedBy?: string | null;
}

export interface FeaturedList {
  slug: string;
  title: string;
  description?: string | null;
  maxItems: number;
  version: number;
  draftItems: number;
  liveRevision: number | null;
  publishedAt?: string | null;
  scheduledPublishAt?: string | null;
  scheduledBy?: string | null;
  rollbackRevisions: number[];
  createdAt?: string;
  createdBy?: string;
}

export interface ResolvedItem {
  position: number;
  articleId: string;
  slug: string;
  headline: string;
  summary?: string | null;
  image?: ImageRef | null;
  publishedAt?: string | null;
}

export interface ResolvedList {
  slug: string;
  title: string;
  description?: string | null;
  revision?: number | null;
  publishedAt?: string | null;
  asOf?: string;
  stale?: boolean;
  items: ResolvedItem[];
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  articleId?: string | null;
  detail?: string | null;
}

// --- public content API (/public/v1) ---

export interface PublicAuthor {
  id: string;
  slug: string;
  displayName: string;
  jobTitle?: string | null;
  organization?: string | null;
  bioHtml?: string | null;
  avatar?: Avatar | null;
  social?: Social | null;
}

export interface PublicArticle {
  id: string;
  slug: string;
  headline: string;
  dek?: string | null;
  bodyHtml: string;
  heroImage?: HeroImage | null;
  tags: string[];
  publishedAt?: string | null;
  updatedAt?: string | null;
  authors: PublicAuthor[];
  authorsDegraded?: boolean;
}

export interface PublicSummary {
  id: string;
  slug: string;
  headline: string;
  dek?: string | null;
  heroImage?: HeroImage | null;
  tags: string[];
  authors?: { id: string; slug: string; displayName: string }[];
  publishedAt?: string | null;
}

// --- webhooks (/api/webhooks, admins only) ---

export type WebhookKind = 'standard' | 'cdn-purge';

export interface WebhookEventType {
  type: string;
  description?: string | null;
}

export interface WebhookStats {
  delivered: number;
  failed: number;
  pending: number;
  lastDeliveryAt?: string | null;
  /** The last delivery's outcome: a delivery status ("delivered", "failed", …) or an HTTP status code. */
  lastStatus?: string | number | null;
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  description?: string | null;
  events: string[];
  kind: WebhookKind;
  enabled: boolean;
  disabledAt?: string | null;
  disabledReason?: string | null;
  createdAt?: string;
  createdBy?: string;
  updatedAt?: string;
  version: number;
  stats?: WebhookStats | null;
}

/** POST /api/webhooks and POST /api/webhooks/{id}/secret: the signing secret, answered this once only. */
export interface WebhookSecret {
  secret: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'retrying' | 'failed';

export interface WebhookDelivery {
  id: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode?: number | null;
  lastDurationMs?: number | null;
  lastError?: string | null;
  nextAttemptAt?: string | null;
  createdAt: string;
  deliveredAt?: string | null;
}

export interface DeliveryPage {
  items: WebhookDelivery[];
  /** The cursor for the next (older) page, `before=<next>`; null at the oldest. */
  next: string | null;
}

// --- media library ---

/** Where the picture's subject is: 0..1 from the left and from the top; the crops keep it in view. */
export interface FocalPoint {
  x: number;
  y: number;
}

/** The shapes the media service cuts every picture to ("original" keeps its own). */
export type MediaShapeName = 'original' | '16x9' | '4x3' | '1x1';

/** One shape of a picture, ready for <img>/<picture>: a JPEG `src` and a `srcset` per format ("url 320w, url 640w"). */
export interface MediaShape {
  src: string;
  srcset?: Partial<Record<'webp' | 'jpg', string>> | null;
  width: number;
  height: number;
}

export interface MediaItem {
  id: string;
  filename: string;
  mimeType: string;
  width: number;
  height: number;
  byteSize: number;
  contentHash: string;
  altText?: string | null;
  caption?: string | null;
  credit?: string | null;
  copyright?: string | null;
  source?: string | null;
  focalPoint?: FocalPoint | null;
  tags: string[];
  /** It has alt text, so it may be published. */
  readyForPublishing: boolean;
  renditions: Partial<Record<MediaShapeName, MediaShape>>;
  usageCount: number;
  createdBy?: string | null;
  createdAt: string;
  updatedAt?: string | null;
  version: number;
}

/** GET /api/media: newest first; `next` is the cursor for the following page (null at the end). */
export interface MediaPage {
  items: MediaItem[];
  next: string | null;
}

/** POST /api/media: 201 with a new item, or 200 with the item that already holds the same bytes. */
export interface MediaUploaded {
  item: MediaItem;
  alreadyInLibrary: boolean;
}

export type MediaUsageKind = 'article' | 'list-item' | 'author';

export interface MediaUsage {
  kind: MediaUsageKind | string;
  ref: string;
  label?: string | null;
  since?: string | null;
}
