import { describe, expect, it } from 'vitest';
import { badgeText, bellLabel, describeNotification, mayAssign, nextPollDelay, notificationLink, POLL_MS } from './notifications';

describe('describeNotification', () => {
  it('says who did what to which article', () => {
    expect(describeNotification({ type: 'CHANGES_REQUESTED', actor: 'erin', text: 'Harbour dredging' })).toBe('erin requested changes to “Harbour dredging”');
    expect(describeNotification({ type: 'ASSIGNED', actor: 'erin', text: 'Budget' })).toBe('erin assigned you “Budget”');
    expect(describeNotification({ type: 'MENTIONED', actor: 'bob', text: 'X' })).toBe('bob mentioned you in a comment on “X”');
  });
  it('names people by the name they go by, the username only when that is not known', () => {
    expect(describeNotification({ type: 'ASSIGNED', actor: 'erin', actorName: 'Erin Ellis', text: 'Budget' })).toBe('Erin Ellis assigned you “Budget”');
    expect(describeNotification({ type: 'APPROVED', actor: 'erin', actorName: null, text: 'Budget' })).toBe('erin approved “Budget”');
    expect(describeNotification({ type: 'APPROVED', actor: 'erin', actorName: '  ', text: 'Budget' })).toBe('erin approved “Budget”');
  });
  it('names the schedule rather than a "scheduler" person', () => {
    expect(describeNotification({ type: 'PUBLISHED', actor: 'scheduler', text: 'X' })).toBe('The schedule published “X”');
  });
  it('reads sensibly for a type this app does not know yet', () => {
    expect(describeNotification({ type: 'SOMETHING_NEW' as never, actor: 'root', text: 'X' })).toBe('root changed “X”');
  });
});

describe('badge and label', () => {
  it('shows nothing at zero and caps at 99+', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(-1)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
  });
  it('gives the bell an accessible name with the count', () => {
    expect(bellLabel(null)).toBe('Notifications');
    expect(bellLabel(0)).toBe('Notifications, none unread');
    expect(bellLabel(3)).toBe('Notifications, 3 unread');
    expect(bellLabel(500)).toBe('Notifications, more than 99 unread');
  });
  it('links to the article', () => {
    expect(notificationLink({ articleId: 'a1' })).toBe('/articles/a1');
    expect(notificationLink({ articleId: null })).toBe('/notifications');
  });
});

describe('mayAssign', () => {
  const editor = { username: 'erin', roles: ['editor'] };
  const alice = { username: 'alice', roles: ['writer'] };
  const bob = { username: 'bob', roles: ['writer'] };
  const carl = { username: 'carl', roles: ['curator'] };
  it('lets editors assign any article that is not archived', () => {
    expect(mayAssign({ status: 'PUBLISHED', owner: 'alice' }, editor)).toBe(true);
    expect(mayAssign({ status: 'ARCHIVED', owner: 'alice' }, editor)).toBe(false);
  });
  it('lets a writer ask for review of their own draft or article in review only', () => {
    expect(mayAssign({ status: 'DRAFT', owner: 'alice' }, alice)).toBe(true);
    expect(mayAssign({ status: 'IN_REVIEW', owner: 'alice' }, alice)).toBe(true);
    expect(mayAssign({ status: 'APPROVED', owner: 'alice' }, alice)).toBe(false);
    expect(mayAssign({ status: 'DRAFT', owner: 'alice' }, bob)).toBe(false);
    expect(mayAssign({ status: 'DRAFT', owner: 'alice' }, carl)).toBe(false);
  });
});

describe('nextPollDelay', () => {
  it('polls every 30 s while the API answers and backs off to at most 5 minutes while it does not', () => {
    expect(nextPollDelay(0)).toBe(POLL_MS);
    expect(nextPollDelay(1)).toBe(2 * POLL_MS);
    expect(nextPollDelay(2)).toBe(4 * POLL_MS);
    expect(nextPollDelay(50)).toBe(300_000);
    expect(nextPollDelay(-3)).toBe(POLL_MS);
  });
});
