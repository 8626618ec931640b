import type { Article, ArticleStatus } from './types';

/** What a notification says happened (the articles service's NotificationType). */
export type NotificationType =
  | 'REVIEW_REQUESTED'
  | 'CHANGES_REQUESTED'
  | 'APPROVED'
  | 'PUBLISHED'
  | 'MENTIONED'
  | 'ASSIGNED'
  | 'LOCK_TAKEN_OVER';

export interface AppNotification {
  id: string;
  type: NotificationType;
  articleId: string | null;
  /** Who did it: a username, or "scheduler". */
  actor: string;
  /** The name they go by ("Erin Ellis"), as presence shows it; absent when the server does not know it yet. */
  actorName?: string | null;
  /** The article's headline when it happened. */
  text: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: AppNotification[];
  nextCursor: string | null;
}

export interface Assignment {
  assignee: string | null;
  note: string | null;
  assignedBy: string | null;
  assignedAt: string | null;
  version: number;
}

export interface Reviewer {
  username: string;
  admin: boolean;
}

/** How often the bell asks for the unread count (it asks on every navigation too). */
export const POLL_MS = 30_000;

/** The wait before the next poll: POLL_MS, doubled after each failed one in a row (the API is away), at most 5 minutes. */
export function nextPollDelay(failures: number): number {
  const n = Math.max(0, Math.min(Math.floor(failures), 10));
  return Math.min(POLL_MS * 2 ** n, 300_000);
}

/** Sent on window when notifications were read here, so the bell counts again at once. */
export const CHANGED_EVENT = 'cms:notifications-changed';

const VERBS: Record<NotificationType, string> = {
  REVIEW_REQUESTED: 'asked for your review of',
  CHANGES_REQUESTED: 'requested changes to',
  APPROVED: 'approved',
  PUBLISHED: 'published',
  MENTIONED: 'mentioned you in a comment on',
  ASSIGNED: 'assigned you',
  LOCK_TAKEN_OVER: 'took over editing of',
};

/**
 * "Erin Ellis requested changes to “Harbour dredging”" (the username when the name is not known); an unknown type (a
 * newer server) still reads sensibly.
 */
export function describeNotification(n: Pick<AppNotification, 'type' | 'actor' | 'actorName' | 'text'>): string {
  const who = n.actor === 'scheduler' ? 'The schedule' : n.actorName?.trim() || n.actor;
  const verb = VERBS[n.type] ?? 'changed';
  return `${who} ${verb} “${n.text}”`;
}

/** Where a notification leads: its article in the editor. */
export function notificationLink(n: Pick<AppNotification, 'articleId'>): string {
  return n.articleId ? `/articles/${n.articleId}` : '/notifications';
}

/** The bell's badge: the count, "99+" above 99, nothing at 0. */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

/** The bell's accessible name. */
export function bellLabel(count: number | null): string {
  if (count === null) return 'Notifications';
  if (count <= 0) return 'Notifications, none unread';
  return `Notifications, ${count > 99 ? 'more than 99' : count} unread`;
}

/**
 * Whether this person may change the article's assignee (the server decides; this only hides controls): editors and
 * admins on any article not archived, a writer on their own draft or article in review.
 */
export function mayAssign(article: Pick<Article, 'status' | 'owner'>, user: { username: string; roles: string[] }): boolean {
  const status: ArticleStatus = article.status;
  if (status === 'ARCHIVED') return false;
  if (user.roles.includes('editor') || user.roles.includes('admin')) return true;
  return user.roles.includes('writer') && article.owner === user.username && (status === 'DRAFT' || status === 'IN_REVIEW');
}
