import { describe, expect, it } from 'vitest';
import { commentRequired, historyVerb, needsDialog, orderedActions } from './workflow';

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
