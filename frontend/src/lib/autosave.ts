/**
 * The editor's autosave as a pure state machine, so that the rules are tested without a browser:
 * edits are saved after a pause, edits made while a save is in flight are saved next, and a 412 stops saving
 * until the person has seen what changed and chosen — nothing is ever overwritten silently.
 */
export type SaveStatus = 'clean' | 'dirty' | 'saving' | 'saved' | 'conflict' | 'error';

export interface AutosaveState {
  status: SaveStatus;
  /** The server version the local copy is based on (If-Match of the next save). */
  version: number | null;
  editedDuringSave: boolean;
  error?: string;
  /** The last failure was the connection (or a 503), not the content: it is retried by itself. */
  offline?: boolean;
  /** The version someone else saved, while a conflict is open. */
  serverVersion?: number;
  savedAt?: number;
}

export type AutosaveEvent =
  | { type: 'loaded'; version: number | null }
  | { type: 'edit' }
  | { type: 'save-start' }
  | { type: 'save-ok'; version: number | null; at: number }
  | { type: 'save-conflict'; serverVersion: number }
  | { type: 'save-failed'; error: string; offline?: boolean }
  /** The connection is back (or the retry timer fired): try the failed save again. */
  | { type: 'retry' }
  | { type: 'resolve'; choice: 'mine' | 'theirs'; serverVersion: number }
  /** A workflow step of my own moved the version on; unsaved edits stay unsaved. */
  | { type: 'rebased'; version: number | null };

export const initialAutosave: AutosaveState = { status: 'clean', version: null, editedDuringSave: false };

export function autosave(state: AutosaveState, event: AutosaveEvent): AutosaveState {
  switch (event.type) {
    case 'loaded':
      return { status: 'clean', version: event.version, editedDuringSave: false };
    case 'edit':
      if (state.status === 'conflict') return state; // keep typing; nothing is sent until the conflict is resolved
      if (state.status === 'saving') return { ...state, editedDuringSave: true };
      return { ...state, status: 'dirty', error: undefined, offline: undefined };
    case 'save-start':
      if (state.status !== 'dirty' && state.status !== 'error') return state;
      return { ...state, status: 'saving', editedDuringSave: false, error: undefined };
    case 'save-ok':
      if (state.status !== 'saving') return state;
      return { status: state.editedDuringSave ? 'dirty' : 'saved', version: event.version ?? state.version, editedDuringSave: false, savedAt: event.at };
    case 'save-conflict':
      return { ...state, status: 'conflict', serverVersion: event.serverVersion, editedDuringSave: false };
    case 'save-failed':
      return { ...state, status: 'error', error: event.error, offline: event.offline, editedDuringSave: false };
    case 'retry':
      return state.status === 'error' && state.offline ? { ...state, status: 'dirty', error: undefined, offline: undefined } : state;
    case 'rebased':
      return { ...state, version: event.version ?? state.version };
    case 'resolve':
      if (state.status !== 'conflict') return state;
      // "mine": the merged copy is saved on top of the version the person has now seen; "theirs": nothing to save.
      return event.choice === 'mine'
        ? { status: 'dirty', version: event.serverVersion, editedDuringSave: false }
        : { status: 'clean', version: event.serverVersion, editedDuringSave: false };
  }
}

/** Whether the editor should start a save now (after the debounce). */
export const wantsSave = (state: AutosaveState) => state.status === 'dirty';

/** Whether leaving the page would lose work. */
export const hasUnsavedWork = (state: AutosaveState) =>
  state.status === 'dirty' || state.status === 'saving' || state.status === 'conflict' || state.status === 'error';

/** Why the draft cannot be saved as it is (shown at the field), or null when it can. */
export interface SaveBlocker {
  field: string;
  message: string;
}

export function saveBlocker(content: { headline: string }): SaveBlocker | null {
  if (!content.headline.trim()) return { field: 'headline', message: 'Add a headline: the draft is saved as soon as it has one.' };
  return null;
}

export function describeSave(state: AutosaveState, now = Date.now(), blocker: SaveBlocker | null = null): string {
  switch (state.status) {
    case 'clean':
      return 'All changes saved';
    case 'dirty':
      return blocker ? 'Not saved yet: the draft needs a headline' : 'Unsaved changes…';
    case 'saving':
      return 'Saving…';
    case 'saved': {
      const seconds = state.savedAt ? Math.max(0, Math.round((now - state.savedAt) / 1000)) : 0;
      return seconds < 5 ? 'Saved just now' : 'All changes saved';
    }
    case 'conflict':
      return 'A newer version was saved elsewhere — choose what to keep';
    case 'error':
      return state.offline ? 'Offline: your changes are kept here and saved when the connection returns' : `Not saved: ${state.error ?? 'error'}`;
  }
}
