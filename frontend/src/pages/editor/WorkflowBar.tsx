import { useState } from 'react';
import { fromLocalInput } from '../../lib/format';
import type { Action, Article } from '../../lib/types';
import { ACTION_LABELS, commentRequired, isDestructive, needsDialog, orderedActions } from '../../lib/workflow';
import { messageOf } from '../../problem';
import { Dialog } from '../../ui/Dialog';

/**
 * Only the actions the server says this user may take now (the article's allowedActions), in workflow order.
 * Actions that need a comment, a time or a confirmation open a dialog.
 */
export function WorkflowBar({ article, busy, onRun }: { article: Article; busy: boolean; onRun: (action: Action, comment?: string, at?: string) => Promise<void> }) {
  const [open, setOpen] = useState<Action | null>(null);
  const actions = orderedActions(article.allowedActions);
  if (actions.length === 0) {
    return <p className="muted small workflow-none">No workflow step is open to you in this state.</p>;
  }
  return (
    <div className="workflow-actions" role="group" aria-label="Workflow actions">
      {actions.map((action, index) => (
        <button
          key={action}
          type="button"
          className={index === 0 && !isDestructive(action) ? 'button button-primary' : isDestructive(action) ? 'button button-danger-quiet' : 'button'}
          disabled={busy}
          data-action={action}
          onClick={() => (needsDialog(action) ? setOpen(action) : void onRun(action).catch(() => undefined))}
        >
          {ACTION_LABELS[action]}
        </button>
      ))}
      {open && <TransitionDialog action={open} onClose={() => setOpen(null)} onRun={onRun} />}
    </div>
  );
}

function TransitionDialog({ action, onClose, onRun }: { action: Action; onClose: () => void; onRun: (action: Action, comment?: string, at?: string) => Promise<void> }) {
  const [comment, setComment] = useState('');
  const [at, setAt] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const required = commentRequired(action);
  const explain: Partial<Record<Action, string>> = {
    request_changes: 'Tell the writer what to change. The article goes back to them as a draft.',
    schedule: 'The article goes live by itself at this time.',
    unpublish: 'The article stops being public at once. Its working copy stays.',
    archive: 'Archived articles leave the workflow and can no longer be edited.',
  };
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (required && !comment.trim()) {
      setError('A comment is required: say what needs to change.');
      return;
    }
    const when = action === 'schedule' ? fromLocalInput(at) : undefined;
    if (action === 'schedule' && !when) {
      setError('Choose the date and time to publish.');
      return;
    }
    setSending(true);
    setError(null);
    try {
      await onRun(action, comment.trim() || undefined, when ?? undefined);
      onClose();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Dialog title={ACTION_LABELS[action].replace('…', '')} onClose={onClose} testId="transition-dialog">
      <form onSubmit={submit} noValidate>
        {explain[action] && <p>{explain[action]}</p>}
        {action === 'schedule' && (
          <div className="field">
            <label htmlFor="transition-at">Publish at (your local time)</label>
            <input id="transition-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} required />
          </div>
        )}
        <div className="field">
          <label htmlFor="transition-comment">{required ? 'Comment (required)' : 'Comment (optional)'}</label>
          <textarea
            id="transition-comment"
            rows={5}
            value={comment}
            required={required}
            aria-invalid={!!error && required && !comment.trim()}
            aria-describedby={error ? 'transition-error' : undefined}
            onChange={(e) => setComment(e.target.value)}
            autoFocus
          />
        </div>
        {error && (
          <p id="transition-error" className="field-error" role="alert" style={{ whiteSpace: 'pre-line' }}>
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={isDestructive(action) ? 'button button-danger' : 'button button-primary'} disabled={sending} data-testid="confirm-transition">
            {sending ? 'Working…' : ACTION_LABELS[action].replace('…', '')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
