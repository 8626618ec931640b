import { useEffect, useRef, useState } from 'react';
import { clockTime, editingSentence, initials, othersPresent, type LockState, type PresencePerson, type PresenceView } from '../../lib/presence';
import { messageOf } from '../../problem';
import { Dialog } from '../../ui/Dialog';

/** Who else has the article open, live: avatars with names, the one editing first. */
export function PresenceBar({ view, me }: { view: PresenceView | null; me: string }) {
  const others = othersPresent(view, me);
  if (!view) return null;
  return (
    <div className="presence-bar" data-testid="presence-bar" aria-live="polite">
      {others.length === 0 ? (
        <p className="muted presence-alone">Nobody else has this article open.</p>
      ) : (
        <>
          <span className="presence-label" id="presence-label">
            Also open here:
          </span>
          <ul className="presence-people" aria-labelledby="presence-label">
            {others.map((person) => (
              <li key={`${person.username}:${person.mode}:${person.since}`} className={`presence-person presence-${person.mode.toLowerCase()}`} data-testid="presence-person">
                <span className="presence-avatar" aria-hidden="true">
                  {initials(person.displayName)}
                </span>
                <span>
                  {person.username === me ? 'You (another tab)' : person.displayName}{' '}
                  <span className="presence-mode">
                    {person.mode === 'EDITING' ? `editing since ${clockTime(person.since)}` : 'viewing'}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Opening an article someone else is editing: look without changing it, or take over. */
export function LockDialog({ editor, me, onReadOnly, onTakeOver }: { editor: PresencePerson; me: string; onReadOnly: () => void; onTakeOver: () => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = editor.username === me ? 'your other tab' : editor.displayName;
  return (
    <Dialog title="Someone is editing this article" onClose={onReadOnly} testId="lock-dialog">
      <p data-testid="lock-sentence">
        <strong>{editingSentence(editor, me)}</strong>
      </p>
      <p>
        Open it read-only to look without changing anything. Or take over: {name} is told at once, their editor
        switches to read-only, and their unsaved text stays on their screen.
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" data-autofocus onClick={onReadOnly}>
          Open read-only
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setError(null);
            onTakeOver().catch((e) => {
              setError(`Could not take over: ${messageOf(e)}`);
              setBusy(false);
            });
          }}
        >
          Take over
        </button>
      </div>
    </Dialog>
  );
}

/**
 * Read-only because of the lock: by choice (with a way to take over), or because someone took over from this tab
 * (said at once, with the person's unsaved text kept in view to copy).
 */
export function LockBanner({ lock, view, me, unsent, onTakeOver }: {
  lock: LockState;
  view: PresenceView | null;
  me: string;
  unsent: { field: string; label: string; text: string }[];
  onTakeOver: () => Promise<void>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const taken = lock.kind === 'taken';
  useEffect(() => {
    if (taken) ref.current?.focus();
  }, [taken]);
  if (lock.kind !== 'taken' && lock.kind !== 'reading') return null;
  const editor = view?.editor && !view.editor.you ? view.editor : null;
  const take = () => {
    setError(null);
    onTakeOver().catch((e) => setError(`Could not take over: ${messageOf(e)}`));
  };
  return (
    <div className={`lock-banner ${taken ? 'lock-taken' : 'lock-reading'}`} role={taken ? 'alert' : 'status'} tabIndex={-1} ref={ref} data-testid="lock-banner">
      {lock.kind === 'taken' ? (
        <p>
          <strong>
            {lock.byName} took over editing at {clockTime(lock.at)}.
          </strong>{' '}
          The article is read-only for you now; nothing of yours was saved over.
          {unsent.length > 0 ? ' Your unsaved changes are below: copy them before you leave.' : ''}
        </p>
      ) : (
        <p>
          <strong>Read-only.</strong> {editor ? editingSentence(editor, me) : 'Nobody is editing this article now.'}
        </p>
      )}
      {taken && unsent.length > 0 && (
        <div className="unsent" data-testid="unsent-text">
          {unsent.map((item) => (
            <label key={item.field} className="unsent-field">
              <span>Your unsaved {item.label.toLowerCase()}</span>
              <textarea readOnly rows={item.field === 'body' ? 6 : 2} value={item.text} />
            </label>
          ))}
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button button-small" onClick={take}>
        {editor ? (taken ? 'Take over again' : 'Take over') : 'Edit'}
      </button>
    </div>
  );
}
