import { describe, expect, it } from 'vitest';
import { newSessionId, editingSentence, heartbeatMode, initialLock, initials, lockReducer, lockedOut, othersPresent, unsentText, type LockEvent, type PresencePerson, type PresenceView } from './presence';
import { emptyContent } from './articleForm';

const dana: PresencePerson = { username: 'dana', displayName: 'Dana Reyes', mode: 'EDITING', since: '2026-12-02T10:42:10Z', you: false };
const view = (over: Partial<PresenceView> = {}): PresenceView => ({ articleId: 'a', editor: null, people: [], you: null, ...over });
const run = (events: LockEvent[]) => events.reduce(lockReducer, initialLock);

describe('the edit lock of this tab', () => {
  it('edits when it got the lock, and beats as editor', () => {
    const state = run([{ type: 'joined-editing' }]);
    expect(state).toEqual({ kind: 'editing' });
    expect(lockedOut(state)).toBe(false);
    expect(heartbeatMode(state)).toBe('EDITING');
  });

  it('asks when someone else edits, then reads or takes over', () => {
    const asked = run([{ type: 'refused', editor: dana }]);
    expect(asked).toEqual({ kind: 'asked', editor: dana });
    expect(lockedOut(asked)).toBe(true);
    expect(heartbeatMode(asked)).toBe('VIEWING');
    expect(lockReducer(asked, { type: 'chose-read-only' })).toEqual({ kind: 'reading' });
    expect(lockReducer(asked, { type: 'took-over' })).toEqual({ kind: 'editing' });
  });

  it('switches to taken-over when its stream says someone took the lock', () => {
    const taken = run([
      { type: 'joined-editing' },
      { type: 'view', view: view({ editor: dana, you: { mode: 'VIEWING', takenOverBy: 'dana', takenOverByName: 'Dana Reyes', takenOverAt: '2026-12-02T10:45:00Z' } }) },
    ]);
    expect(taken).toEqual({ kind: 'taken', byName: 'Dana Reyes', at: '2026-12-02T10:45:00Z' });
    expect(lockedOut(taken)).toBe(true);
    // a late refusal does not turn it back into a question
    expect(lockReducer(taken, { type: 'refused', editor: dana })).toBe(taken);
  });

  it('switches to taken-over when a heartbeat is refused', () => {
    expect(run([{ type: 'joined-editing' }, { type: 'lost', byName: 'Dana Reyes', at: 'x' }])).toEqual({ kind: 'taken', byName: 'Dana Reyes', at: 'x' });
    expect(run([{ type: 'cannot-edit' }, { type: 'lost', byName: 'Dana Reyes', at: 'x' }])).toEqual({ kind: 'cannot-edit' });
  });

  it('keeps editing while its own view shows it editing', () => {
    const me = { ...dana, username: 'erin', you: true };
    expect(run([{ type: 'joined-editing' }, { type: 'view', view: view({ editor: me, you: { mode: 'EDITING', takenOverBy: null, takenOverByName: null, takenOverAt: null } }) }])).toEqual({ kind: 'editing' });
  });
});

describe('presence in words', () => {
  it('says who edits since when', () => {
    expect(editingSentence(dana, 'erin', 'UTC')).toBe('Dana Reyes is editing this article since 10:42.');
    expect(editingSentence({ ...dana, username: 'erin' }, 'erin', 'UTC')).toBe('You are editing this article in another tab or window since 10:42.');
  });

  it('lists everyone else once, the editor first, without this tab', () => {
    const people: PresencePerson[] = [
      { ...dana, mode: 'VIEWING', since: 'b' },
      { username: 'bob', displayName: 'Bob Baker', mode: 'VIEWING', since: 'a', you: false },
      { username: 'erin', displayName: 'Erin Ellis', mode: 'VIEWING', since: 'c', you: true },
      { username: 'erin', displayName: 'Erin Ellis', mode: 'VIEWING', since: 'd', you: false },
      dana,
    ];
    expect(othersPresent(view({ people }), 'erin').map((p) => `${p.username}:${p.mode}`)).toEqual(['dana:EDITING', 'bob:VIEWING', 'erin:VIEWING']);
    expect(othersPresent(null, 'erin')).toEqual([]);
  });

  it('makes avatar letters', () => {
    expect(initials('Dana Reyes')).toBe('DR');
    expect(initials('alice')).toBe('A');
    expect(initials('Mary Ann de Vries')).toBe('MV');
    expect(initials('  ')).toBe('?');
  });

  it('keeps the unsaved text fields in view', () => {
    const base = { ...emptyContent(), headline: 'Old', body: 'Same' };
    expect(unsentText({ ...base, headline: 'New', dek: 'Added' }, base)).toEqual([
      { field: 'headline', label: 'Headline', text: 'New' },
      { field: 'dek', label: 'Dek (standfirst)', text: 'Added' },
    ]);
    expect(unsentText(base, base)).toEqual([]);
  });
});

describe('a tab\'s session id', () => {
  it('is a version 4 UUID, different each time', () => {
    const id = newSessionId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newSessionId()).not.toBe(id);
    expect(newSessionId((b) => b.fill(255))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
});
