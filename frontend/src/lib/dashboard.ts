import type { ArticleSummary } from './types';
import { articleState } from './workflow';

/** A summary as the articles API gives it, with `changesRequested` when the API has it (older ones lack it). */
export type DashboardArticle = ArticleSummary & { changesRequested?: boolean };

/** Whether an editor handed this draft back with "request changes" and the writer has not resubmitted it yet. */
export const hasChangesRequested = (a: DashboardArticle) => a.status === 'DRAFT' && a.changesRequested === true;

/** The status as the dashboard says it: a draft sent back is "Changes requested", not just "Draft". */
export function statusLabel(a: DashboardArticle): string {
  return articleState(a).label;
}

export interface AttentionView {
  /** The section's words for this person. */
  title: string;
  empty: string;
  /** The articles API query that finds them. */
  params: Record<string, string | boolean>;
  /** The dashboard filter that lists all of them (for "show all"). */
  filter: Record<string, string>;
  /** Keeps only what really needs attention, whether or not the API knew the filter. */
  select: (items: DashboardArticle[]) => DashboardArticle[];
}

/**
 * What needs this person first: editors the articles waiting for review; writers their own drafts an editor sent
 * back. Curators and others without articles to act on get nothing.
 */
export function attentionFor(roles: readonly string[]): AttentionView | null {
  if (roles.includes('editor') || roles.includes('admin')) {
    return {
      title: 'Waiting for your review',
      empty: 'Nothing is waiting for review.',
      params: { status: 'IN_REVIEW', sort: 'updated' },
      filter: { scope: 'all', status: 'IN_REVIEW' },
      select: (items) => items.filter((a) => a.status === 'IN_REVIEW'),
    };
  }
  if (roles.includes('writer')) {
    return {
      title: 'Changes requested on your drafts',
      empty: 'No editor has asked you for changes.',
      params: { mine: true, status: 'DRAFT', changesRequested: true, sort: '-updated' },
      filter: { scope: 'mine', status: 'DRAFT' },
      select: (items) => items.filter(hasChangesRequested),
    };
  }
  return null;
}
