import { useState } from 'react';
import { embargoHolds, scheduleFloor, scheduleProblem } from '../../lib/embargo';
import { formatDateTime, fromLocalInput } from '../../lib/format';
import type { Action, Article, Embargo } from '../../lib/types';
import { ACTION_LABELS, commentRequired, isDestructive, needsDialog, orderedActions, primaryAction } from '../../lib/workflow';
import { ApiError, fieldErrors, messageOf } from '../../problem';
import { Dialog } from '../../ui/Dialog';

/**
 * Only the actions the server says this user may take now (the article's allowedActions), in workflow order.
 * Actions that need a comment, a time or a confirmation open a dialog.
 */
export function WorkflowBar({ article, busy, isOwner, onRun }: {
  article: Article;
  busy: boolean;
  /** The signed-in person owns the article (the writer); an editor's main step is never the writer's resubmit. */
  isOwner: boolean;
  /** Rejects only with an ApiError naming the dialog's own fields (time, comment); everything else is shown by the editor. */
  onRun: (action: Action, comment?: string, at?: string) => Promise<void>;
}) {
  const [open, setOpen] = useState<Action | null>(null);
  const actions = orderedActions(article.allowedActions);
  const primary = primaryAction(actions, isOwner, embargoHolds(article.embargo));
  if (actions.length === 0) {
    return <p className="muted small workflow-none">No workflow step is open to you in this state.</p>;
  }
  return (
    <div className="workflow-actions" role="group" aria-label="Workflow actions">
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          className={action === primary ? 'button button-primary' : isDestructive(action) ? 'button button-danger-quiet' : 'button'}
          disabled={busy}
          data-action={action}
          onClick={() => (needsDialog(action) ? setOpen(action) : void onRun(action).catch(() => undefined))}
        >
          {action === 'schedule' && article.status === 'SCHEDULED' ? 'Reschedule…' : ACTION_LABELS[action]}
        </button>
      ))}
      {open && <TransitionDialog action={open} embargo={article.embargo} onClose={() => setOpen(null)} onRun={onRun} />}
    </div>
  );
}

function TransitionDialog({ action, embargo, onClose, onRun }: {
  action: Action;
  /** An embargo holding the article: a publish time must be at its lift or later (offered first). */
  embargo?: Embargo | null;
  onClose: () => void;
  onRun: (action: Action, comment?: string, at?: string) => Promise<void>;
}) {
  const [comment, setComment] = useState('');
  const floor = action === 'schedule' ? scheduleFloor(embargo) : null;
  const [at, setAt] = useState(floor ?? '');
  const [errors, setErrors] = useState<{ comment?: string; at?: string }>({});
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
    const found: { comment?: string; at?: string } = {};
    if (required && !comment.trim()) found.comment = 'Say what needs to change: the writer sees this comment.';
    const when = action === 'schedule' ? fromLocalInput(at) : undefined;
    if (action === 'schedule') found.at = scheduleProblem(at, embargo) ?? undefined;
    setErrors(found);
    if (found.comment || found.at) {
      document.getElementById(found.at ? 'transition-at' : 'transition-comment')?.focus();
      return;
    }
    setSending(true);
    try {
      await onRun(action, comment.trim() || undefined, when ?? undefined);
      onClose();
    } catch (e) {
      // Only problems with this dialog's own fields come back here; they are shown at the field, once.
      const byField = e instanceof ApiError ? fieldErrors(e.problem) : {};
      setErrors({ at: byField.at, comment: byField.comment ?? (byField.at ? undefined : messageOf(e)) });
    } finally {
      setSending(false);
    }
  };
  return (
    <Dialog title={ACTION_LABELS[action].replace('…', '')} onClose={onClose} testId="transition-dialog">
      <form onSubmit={submit} noValidate>
        {explain[action] && <p>{explain[action]}</p>}
        {floor && embargo && (
          <p data-testid="schedule-embargo-note">
            Embargoed until {formatDateTime(embargo.until)}: the earliest publish time is the lift, filled in below.
          </p>
        )}
        {action === 'schedule' && (
          <div className="field">
            <label htmlFor="transition-at">Publish at (your local time)</label>
            <input
              id="transition-at"
              type="datetime-local"
              value={at}
              onChange={(e) => {
                setAt(e.target.value);
                setErrors((x) => ({ ...x, at: undefined }));
              }}
              required
              autoFocus
              aria-invalid={errors.at ? true : undefined}
              aria-describedby={errors.at ? 'transition-at-error' : undefined}
            />
            {errors.at && (
              <small id="transition-at-error" className="field-error">
                {errors.at}
              </small>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor="transition-comment">{required ? 'Comment (required)' : 'Comment (optional)'}</label>
          <textarea
            id="transition-comment"
            rows={5}
            value={comment}
            required={required}
            aria-invalid={errors.comment ? true : undefined}
            aria-describedby={errors.comment ? 'transition-comment-error' : undefined}
            onChange={(e) => {
              setComment(e.target.value);
              setErrors((x) => ({ ...x, comment: undefined }));
            }}
            autoFocus={action !== 'schedule'}
          />
          {errors.comment && (
            <small id="transition-comment-error" className="field-error">
              {errors.comment}
            </small>
          )}
        </div>
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
