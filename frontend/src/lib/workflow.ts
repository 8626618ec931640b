import type { Action, ArticleStatus } from './types';

/** The order actions appear in the workflow bar, the main step first. */
const ORDER: Action[] = ['submit', 'approve', 'publish', 'schedule', 'request_changes', 'unschedule', 'unpublish', 'archive'];

export const ACTION_LABELS: Record<Action, string> = {
  submit: 'Submit for review',
  request_changes: 'Request changes',
  approve: 'Approve',
  publish: 'Publish',
  schedule: 'Schedule…',
  unschedule: 'Cancel schedule',
  unpublish: 'Unpublish',
  archive: 'Archive',
};

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  APPROVED: 'Approved',
  SCHEDULED: 'Scheduled',
  PUBLISHED: 'Published',
  UNPUBLISHED: 'Unpublished',
  ARCHIVED: 'Archived',
};

/** Only the actions the server allows this user now, in the bar's order (unknown ones last). */
export function orderedActions(allowed: readonly string[] | undefined): Action[] {
  const set = new Set(allowed ?? []);
  return ORDER.filter((a) => set.has(a));
}

/** "request changes" must say what to change; the dialog refuses to send it without a comment. */
export const commentRequired = (action: Action) => action === 'request_changes';

/** Actions that open the dialog: a required comment, a time, or a destructive step worth confirming. */
export const needsDialog = (action: Action) => ['request_changes', 'schedule', 'unpublish', 'archive'].includes(action);

export const isDestructive = (action: Action) => action === 'unpublish' || action === 'archive' || action === 'request_changes';

export function transitionToast(action: Action): string {
  switch (action) {
    case 'submit':
      return 'Submitted for review';
    case 'request_changes':
      return 'Changes requested; the article is back with its writer';
    case 'approve':
      return 'Approved';
    case 'publish':
      return 'Published: the article is live';
    case 'schedule':
      return 'Publication scheduled';
    case 'unschedule':
      return 'Schedule cancelled';
    case 'unpublish':
      return 'Unpublished: the article is no longer live';
    case 'archive':
      return 'Archived';
  }
}

/** "submit" → "Submitted"; used in the history list. */
export function historyVerb(action: string | null | undefined): string {
  const verbs: Record<string, string> = {
    create: 'created the article', submit: 'submitted for review', request_changes: 'requested changes', approve: 'approved',
    publish: 'published', schedule: 'scheduled publication', unschedule: 'cancelled the schedule', unpublish: 'unpublished',
    archive: 'archived', scheduled_publish: 'published on schedule', restore: 'restored a revision',
  };
  return action ? verbs[action] ?? action.replace(/_/g, ' ') : '';
}
