import { describe, expect, it } from 'vitest';
import { autosave, describeSave, hasUnsavedWork, initialAutosave, saveBlocker, wantsSave, type AutosaveEvent, type AutosaveState } from './autosave';

const run = (events: AutosaveEvent[], from: AutosaveState = initialAutosave) => events.reduce(autosave, from);

describe('autosave', () => {
  it('saves an edit and remembers the new version', () => {
    const state = run([{ type: 'loaded', version: 1 }, { type: 'edit' }]);
    expect(wantsSave(state)).toBe(true);
    const saved = run([{ type: 'save-start' }, { type: 'save-ok', version: 2, at: 1000 }], state);
    expect(saved).toMatchObject({ status: 'saved', version: 2 });
    expect(wantsSave(saved)).toBe(false);
    expect(hasUnsavedWork(saved)).toBe(false);
  });

  it('saves again when the person typed while a save was in flight', () => {
    const state = run([{ type: 'loaded', version: 1 }, { type: 'edit' }, { type: 'save-start' }, { type: 'edit' }, { type: 'save-ok', version: 2, at: 0 }]);
    expect(state).toMatchObject({ status: 'dirty', version: 2 });
    expect(wantsSave(state)).toBe(true);
  });

  it('stops on a 412 and sends nothing until the person chooses', () => {
    const state = run([{ type: 'loaded', version: 1 }, { type: 'edit' }, { type: 'save-start' }, { type: 'save-conflict', serverVersion: 3 }, { type: 'edit' }]);
    expect(state).toMatchObject({ status: 'conflict', serverVersion: 3, version: 1 });
    expect(wantsSave(state)).toBe(false);
    expect(hasUnsavedWork(state)).toBe(true);
    expect(run([{ type: 'save-start' }], state).status).toBe('conflict');
  });

  it('keeping my changes saves them on top of the version now seen', () => {
    const conflict = run([{ type: 'loaded', version: 1 }, { type: 'edit' }, { type: 'save-start' }, { type: 'save-conflict', serverVersion: 3 }]);
    const mine = autosave(conflict, { type: 'resolve', choice: 'mine', serverVersion: 3 });
    expect(mine).toMatchObject({ status: 'dirty', version: 3 });
    expect(wantsSave(mine)).toBe(true);
    const theirs = autosave(conflict, { type: 'resolve', choice: 'theirs', serverVersion: 3 });
    expect(theirs).toMatchObject({ status: 'clean', version: 3 });
  });

  it('keeps the edits after a failed save and retries on the next edit', () => {
    const failed = run([{ type: 'loaded', version: 1 }, { type: 'edit' }, { type: 'save-start' }, { type: 'save-failed', error: 'Check the highlighted field.' }]);
    expect(failed.status).toBe('error');
    expect(describeSave(failed)).toBe('Not saved: Check the highlighted field.');
    expect(autosave(failed, { type: 'retry' })).toBe(failed); // a refused save waits for the person
    expect(autosave(failed, { type: 'edit' }).status).toBe('dirty');
    expect(autosave(failed, { type: 'save-start' }).status).toBe('saving');
  });

  it('takes the version of my own workflow step without losing unsaved edits', () => {
    const state = run([{ type: 'loaded', version: 1 }, { type: 'edit' }, { type: 'rebased', version: 2 }]);
    expect(state).toMatchObject({ status: 'dirty', version: 2 });
  });

  it('ignores a stray save result', () => {
    expect(autosave(initialAutosave, { type: 'save-ok', version: 9, at: 0 })).toBe(initialAutosave);
  });

  it('describes each state in words', () => {
    expect(describeSave({ status: 'saved', version: 2, editedDuringSave: false, savedAt: 1000 }, 2000)).toBe('Saved just now');
    expect(describeSave({ status: 'saving', version: 2, editedDuringSave: false })).toBe('Saving…');
  });

  it('retries a save that failed on the connection by itself, keeping the edits', () => {
    const offline = run([{ type: 'loaded', version: 1 }, { type: 'edit' }, { type: 'save-start' }, { type: 'save-failed', error: 'The server cannot be reached.', offline: true }]);
    expect(describeSave(offline)).toMatch(/^Offline: your changes are kept here/);
    expect(hasUnsavedWork(offline)).toBe(true);
    const back = autosave(offline, { type: 'retry' });
    expect(back.status).toBe('dirty');
    expect(wantsSave(back)).toBe(true);
  });

  it('says what blocks the save instead of "unsaved" forever', () => {
    const blocked = run([{ type: 'loaded', version: 1 }, { type: 'edit' }]);
    const blocker = saveBlocker({ headline: '   ' });
    expect(blocker?.field).toBe('headline');
    expect(describeSave(blocked, 0, blocker)).toBe('Not saved yet: the draft needs a headline');
    expect(saveBlocker({ headline: 'Storm' })).toBeNull();
  });
});
