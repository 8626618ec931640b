import { describe, expect, it } from 'vitest';
import { articleState, commentRequired, describeOutsideChange, historyVerb, needsDialog, orderedActions, primaryAction } from './workflow';

describe('orderedActions', () => {
  it('keeps only the allowed actions, main step first', () => {
    expect(orderedActions(['archive', 'request_changes', 'approve'])).toEqual(['approve', 'request_changes', 'archive']);
    expect(orderedActions(['publish', 'schedule', 'archive', 'bogus'])).toEqual(['publish', 'schedule', 'archive']);
    expect(orderedActions(undefined)).toEqual([]);
  });
});

describe('dialogs', () => {
  it('requires a comment only to request changes', () => {
    expect(commentRequired('request_changes')).toBe(true);
    expect(commentRequired('approve')).toBe(false);
    expect(needsDialog('schedule')).toBe(true);
    expect(needsDialog('submit')).toBe(false);
  });
});

describe('historyVerb', () => {
  it('puts actions in words', () => {
    expect(historyVerb('request_changes')).toBe('requested changes');
    expect(historyVerb('something_new')).toBe('something new');
  });
});

describe('articleState', () => {
  it('reads a published article being edited as one state', () => {
    expect(articleState({ status: 'DRAFT', live: true }).label).toBe('Live · unpublished changes');
    expect(articleState({ status: 'IN_REVIEW', live: true }).label).toBe('Live · changes in review');
    expect(articleState({ status: 'PUBLISHED', live: true }).label).toBe('Live');
    expect(articleState({ status: 'DRAFT', live: false }).label).toBe('Draft');
  });

  it('shows a draft sent back by an editor as needing attention', () => {
    expect(articleState({ status: 'DRAFT', live: false, changesRequested: true })).toMatchObject({ label: 'Changes requested', tone: 'attention' });
  });
});

describe('primaryAction', () => {
  it('does not offer an editor the writer\'s resubmit as the main step', () => {
    expect(primaryAction(['submit', 'archive'], false)).toBeNull();
    expect(primaryAction(['submit', 'archive'], true)).toBe('submit');
    expect(primaryAction(['approve', 'request_changes'], false)).toBe('approve');
    expect(primaryAction(['unpublish'], true)).toBeNull();
  });

  it('makes scheduling the main step while an embargo holds', () => {
    expect(primaryAction(['publish', 'schedule', 'request_changes', 'archive'], false)).toBe('publish');
    expect(primaryAction(['publish', 'schedule', 'request_changes', 'archive'], false, true)).toBe('schedule');
    expect(primaryAction(['unschedule', 'archive'], false, true)).toBe('unschedule');
  });
});

describe('describeOutsideChange', () => {
  const base = '2026-11-30T10:00:00Z';
  it('names the scheduler, another person, or the same person in another tab', () => {
    const scheduled = [{ kind: 'transition' as const, at: '2026-11-30T10:02:00Z', actor: 'scheduler', action: 'scheduled_publish' }];
    expect(describeOutsideChange(scheduled, base, 'erin')).toMatch(/^It was published on schedule at /);
    const other = [{ kind: 'transition' as const, at: '2026-11-30T10:03:00Z', actor: 'erin', action: 'approve' }];
    expect(describeOutsideChange(other, base, 'alice')).toMatch(/^erin approved at /);
    expect(describeOutsideChange(other, base, 'erin')).toMatch(/^You approved in another tab or window at /);
    expect(describeOutsideChange([], base, 'alice', 'alice')).toBe('You saved newer changes in another tab or window.');
    expect(describeOutsideChange([], base, 'alice', 'bob')).toBe('bob saved newer changes.');
  });

  it('ignores what happened before the page loaded', () => {
    const old = [{ kind: 'transition' as const, at: '2026-11-30T09:00:00Z', actor: 'erin', action: 'approve' }];
    expect(describeOutsideChange(old, base, 'alice', null)).toBe('Someone saved newer changes.');
  });
});
