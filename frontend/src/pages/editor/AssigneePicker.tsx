import { useEffect, useState } from 'react';
import { get, request } from '../../lib/api';
import { mayAssign, type Assignment, type Reviewer } from '../../lib/notifications';
import type { Article } from '../../lib/types';
import { ApiError, fieldErrors, messageOf } from '../../problem';
import { useUser } from '../../session';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/common';

const NOBODY: Assignment = { assignee: null, note: null, assignedBy: null, assignedAt: null, version: 0 };

/**
 * Who reviews the article next, in the workflow area: the current assignee for everyone; "Assign…" and "Unassign"
 * for editors and admins, and for the writer of their own draft (asking for review). The assignment has its own
 * version: changing it never makes the article's open editor stale.
 */
export function AssigneePicker({ article, onChange }: { article: Article; onChange: (assignment: Assignment) => void }) {
  const user = useUser();
  const assignment = article.assignment ?? NOBODY;
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const can = mayAssign(article, user);

  const unassign = async () => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await request<Assignment>(`/api/articles/${article.id}/assignee`, { method: 'DELETE', ifMatch: assignment.version });
      onChange(data);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="assignee" role="group" aria-labelledby="assignee-label" data-testid="assignee-picker">
      <span id="assignee-label" className="muted small">
        Reviewer
      </span>{' '}
      <strong data-testid="assignee">{assignment.assignee ?? 'Not assigned'}</strong>
      {assignment.note && <span className="muted small"> · “{assignment.note}”</span>}
      {can && (
        <>
          {' '}
          <button type="button" className="button button-small" onClick={() => setOpen(true)} disabled={busy} data-testid="assign">
            {assignment.assignee ? 'Reassign…' : 'Assign…'}
          </button>
          {assignment.assignee && (
            <button type="button" className="button button-small button-quiet" onClick={() => void unassign()} disabled={busy} data-testid="unassign">
              Unassign
            </button>
          )}
        </>
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      {open && (
        <AssignDialog
          article={article}
          assignment={assignment}
          onClose={() => setOpen(false)}
          onAssigned={(a) => {
            setError(null);
            onChange(a);
          }}
        />
      )}
    </div>
  );
}

function AssignDialog({ article, assignment, onClose, onAssigned }: {
  article: Article;
  assignment: Assignment;
  onClose: () => void;
  onAssigned: (assignment: Assignment) => void;
}) {
  const [reviewers, setReviewers] = useState<Reviewer[] | null>(null);
  const [assignee, setAssignee] = useState(assignment.assignee ?? '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ assignee?: string; note?: string; form?: string }>({});
  const [sending, setSending] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    get<{ items: Reviewer[] }>('/api/articles/assignees', controller.signal)
      .then((r) => setReviewers(r.items))
      .catch((e) => {
        if (!controller.signal.aborted) setErrors({ form: messageOf(e) });
      });
    return () => controller.abort();
  }, []);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!assignee) {
      setErrors({ assignee: 'Choose who should review the article.' });
      document.getElementById('assign-to')?.focus();
      return;
    }
    setSending(true);
    try {
      const { data } = await request<Assignment>(`/api/articles/${article.id}/assignee`, {
        method: 'PUT',
        body: { assignee, note: note.trim() || undefined },
        ifMatch: assignment.version,
      });
      onAssigned(data);
      onClose();
    } catch (e) {
      const byField = e instanceof ApiError ? fieldErrors(e.problem) : {};
      if (byField.assignee || byField.note) setErrors({ assignee: byField.assignee, note: byField.note });
      else if (e instanceof ApiError && e.status === 412) setErrors({ form: 'Someone changed the assignment meanwhile. Reload the page to see it, then try again.' });
      else setErrors({ form: messageOf(e) });
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog title="Assign for review" onClose={onClose} testId="assign-dialog">
      <form onSubmit={submit} noValidate>
        <p>The person you choose is notified and finds the article under “Assigned to me”.</p>
        <Field label="Reviewer" id="assign-to" error={errors.assignee} hint="Editors and admins who have signed in to the newsroom.">
          <select
            id="assign-to"
            value={assignee}
            autoFocus
            onChange={(e) => {
              setAssignee(e.target.value);
              setErrors((x) => ({ ...x, assignee: undefined }));
            }}
          >
            <option value="">{reviewers ? 'Choose an editor…' : 'Loading editors…'}</option>
            {(reviewers ?? []).map((r) => (
              <option key={r.username} value={r.username}>
                {r.username}
                {r.admin ? ' (admin)' : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Note (optional)" id="assign-note" error={errors.note}>
          <input id="assign-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </Field>
        {errors.form && (
          <p className="field-error" role="alert">
            {errors.form}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={sending} data-testid="confirm-assign">
            {sending ? 'Assigning…' : 'Assign'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
