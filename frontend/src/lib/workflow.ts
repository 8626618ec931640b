import { formatDateTime } from './format';
import type { Action, ArticleStatus, HistoryEntry } from './types';

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
  unschedule_unpublish: 'Clear the unpublish time',
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

export function transitionToast(action: Action, at?: string): string {
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
      return at ? `The article will unpublish ${formatDateTime(at)}` : 'Unpublished: the article is no longer live';
    case 'unschedule_unpublish':
      return 'Unpublish time cleared: the article stays live';
    case 'archive':
      return 'Archived';
  }
}

/** "submit" → "Submitted"; used in the history list. */
export function historyVerb(action: string | null | undefined): string {
  const verbs: Record<string, string> = {
    create: 'created the article', submit: 'submitted for review', request_changes: 'requested changes', approve: 'approved',
    publish: 'published', schedule: 'scheduled publication', unschedule: 'cancelled the schedule', unpublish: 'unpublished',
    archive: 'archived', scheduled_publish: 'published on schedule', scheduled_unpublish: 'unpublished on schedule',
    scheduled_publish_failed: 'could not publish on schedule', restore: 'restored a revision',
    schedule_unpublish: 'set a time to unpublish', unschedule_unpublish: 'cleared the time to unpublish',
    embargo: 'embargoed the article', change_embargo: 'changed the embargo', lift_embargo: 'lifted the embargo',
  };
  return action ? verbs[action] ?? action.replace(/_/g, ' ') : '';
}

/** What the header says about an article: one state, never "Draft" beside "Live". */
export interface StateText {
  label: string;
  /** CSS modifier of the badge. */
  tone: 'draft' | 'review' | 'approved' | 'scheduled' | 'live' | 'attention' | 'off';
  detail?: string;
}

export function articleState(article: { status: ArticleStatus; live: boolean; changesRequested?: boolean | null }): StateText {
  const { status, live } = article;
  if (live) {
    switch (status) {
      case 'PUBLISHED':
        return { label: 'Live', tone: 'live' };
      case 'DRAFT':
        return article.changesRequested
          ? { label: 'Live · changes requested', tone: 'attention', detail: 'Readers see the published version; an editor asked for changes to the new one.' }
          : { label: 'Live · unpublished changes', tone: 'live', detail: 'Readers see the published version until these changes are published.' };
      case 'IN_REVIEW':
        return { label: 'Live · changes in review', tone: 'review', detail: 'Readers see the published version while the changes are reviewed.' };
      case 'APPROVED':
        return { label: 'Live · changes approved', tone: 'approved', detail: 'The approved changes are not public until they are published.' };
      case 'SCHEDULED':
        return { label: 'Live · changes scheduled', tone: 'scheduled' };
      default:
        return { label: `Live · ${STATUS_LABELS[status].toLowerCase()}`, tone: 'live' };
    }
  }
  switch (status) {
    case 'DRAFT':
      return article.changesRequested ? { label: 'Changes requested', tone: 'attention' } : { label: 'Draft', tone: 'draft' };
    case 'IN_REVIEW':
      return { label: 'In review', tone: 'review' };
    case 'APPROVED':
      return { label: 'Approved', tone: 'approved' };
    case 'SCHEDULED':
      return { label: 'Scheduled', tone: 'scheduled' };
    case 'PUBLISHED':
      return { label: 'Published', tone: 'live' };
    default:
      return { label: STATUS_LABELS[status] ?? status, tone: 'off' };
  }
}

/**
 * The one action drawn as the main button: the first non-destructive step, except "submit" for someone who is not
 * the article's owner (an editor who just requested changes is not the one to resubmit it). While an embargo holds,
 * publishing now is refused, so scheduling (at the lift or later) is the main step when it is open.
 */
export function primaryAction(actions: readonly Action[], isOwner: boolean, embargoed = false): Action | null {
  if (embargoed && actions.includes('publish') && actions.includes('schedule')) return 'schedule';
  const first = actions[0];
  if (!first || isDestructive(first)) return null;
  if (first === 'submit' && !isOwner) return null;
  return first;
}

/**
 * What happened to an article since this page loaded, in words, from the newest history entry after `since`
 * (the scheduler, someone else, or the same person in another tab).
 */
export function describeOutsideChange(entries: readonly HistoryEntry[], sinceIso: string, me: string, lastSaver?: string | null): string {
  const since = Date.parse(sinceIso);
  const newer = entries.filter((e) => e.kind === 'transition' && Date.parse(e.at) > since);
  const latest = newer[newer.length - 1];
  const time = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
  if (latest) {
    const what = historyVerb(latest.action);
    if (latest.action?.startsWith('scheduled_') || latest.actor === 'scheduler') {
      return latest.action === 'scheduled_publish' ? `It was published on schedule at ${time(latest.at)}.` : `The scheduler ${what} at ${time(latest.at)}.`;
    }
    const who = latest.actor === me ? 'You' : latest.actor;
    return `${who} ${what}${latest.actor === me ? ' in another tab or window' : ''} at ${time(latest.at)}.`;
  }
  if (lastSaver && lastSaver === me) return 'You saved newer changes in another tab or window.';
  if (lastSaver) return `${lastSaver} saved newer changes.`;
  return 'Someone saved newer changes.';
}
