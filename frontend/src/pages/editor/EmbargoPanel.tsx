import { useEffect, useRef, useState } from 'react';
import { EMBARGO_ROLES, checkEmbargoForm, embargoBanner, embargoFormOf, embargoHolds, heldSchedule, type EmbargoForm } from '../../lib/embargo';
import { formatDateTime } from '../../lib/format';
import type { Article } from '../../lib/types';
import { ApiError, fieldErrors, messageOf } from '../../problem';
import { Field } from '../../ui/common';

/** The banner over an embargoed article, for everyone who can open it: until when, and who else can. */
export function EmbargoBanner({ article }: { article: Article }) {
  if (!embargoHolds(article.embargo)) return null;
  const held = heldSchedule(article.scheduledPublishAt, article.embargo);
  const next =
    held ??
    (article.status === 'SCHEDULED' && article.scheduledPublishAt
      ? `It is scheduled to publish ${formatDateTime(article.scheduledPublishAt)}.`
      : `It cannot be published before then; it may be scheduled to publish at ${formatDateTime(article.embargo.until)} or later.`);
  return (
    <div className="notice notice-embargo" role="status" data-testid="embargo-banner">
      <p>
        <strong>{embargoBanner(article.embargo, article.owner)}</strong> {next}
      </p>
    </div>
  );
}

/**
 * Sets, changes and lifts the embargo (editors and admins): when it lifts, and who may open the article meanwhile
 * (user names and roles; the writer, admins and the person setting it always may). An article readers can already
 * see cannot be embargoed. The server's refusals are shown at their fields, in plain words.
 */
export function EmbargoPanel({ article, me, busy, onSet, onLift }: {
  article: Article;
  /** The signed-in person: named by the server whenever they set it, so not repeated in the field. */
  me: string;
  busy: boolean;
  /** Rejects with an ApiError naming the form's fields (until, access.users, access.roles); anything else is shown by the editor. */
  onSet: (form: EmbargoForm) => Promise<void>;
  onLift: () => Promise<void>;
}) {
  const active = embargoHolds(article.embargo) ? article.embargo : null;
  const [form, setForm] = useState<EmbargoForm>(() => embargoFormOf(active, me));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const until = active?.until ?? null;
  // open at first while an embargo holds; after that the person opens and closes it
  const panel = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (until && panel.current) panel.current.open = true;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // the embargo changed (here, elsewhere, or it lapsed): the form shows it as it is now
  useEffect(() => {
    setForm(embargoFormOf(active, me));
    setErrors({});
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [until, active?.access.users.join(','), active?.access.roles.join(','), me]);

  const change = (next: Partial<EmbargoForm>) => {
    setForm((f) => ({ ...f, ...next }));
    setErrors((e) => {
      const rest = { ...e };
      if ('until' in next) delete rest.until;
      if ('users' in next) delete rest['access.users'];
      if ('roles' in next) delete rest['access.roles'];
      return rest;
    });
    setMessage(null);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found = checkEmbargoForm(form);
    setErrors(found);
    if (Object.keys(found).length) {
      document.getElementById(found.until ? 'embargo-until' : 'embargo-users')?.focus();
      return;
    }
    try {
      await onSet(form);
    } catch (e) {
      const byField = e instanceof ApiError ? fieldErrors(e.problem) : {};
      if (Object.keys(byField).length) setErrors(byField);
      else setMessage(messageOf(e));
    }
  };

  if (article.live && !active) {
    return (
      <details className="advanced embargo-panel" data-testid="embargo-panel">
        <summary>Embargo</summary>
        <p className="muted small">Readers can already see this article, so there is nothing to hold back. Unpublish it first to embargo it.</p>
      </details>
    );
  }
  return (
    <details ref={panel} className="advanced embargo-panel" data-testid="embargo-panel">
      <summary>{active ? `Embargo: until ${formatDateTime(active.until)}` : 'Embargo'}</summary>
      <form onSubmit={submit} noValidate aria-label="Embargo">
        <p className="muted small">
          Until the embargo lifts the article cannot be published, and only the people and roles chosen here can open it — besides its writer
          ({article.owner}), admins and you. Everyone else is told it does not exist.
        </p>
        <Field label="Embargoed until (your local time)" id="embargo-until" error={errors.until}>
          <input id="embargo-until" type="datetime-local" value={form.until} onChange={(e) => change({ until: e.target.value })} />
        </Field>
        <Field
          label="People who may open it"
          id="embargo-users"
          error={errors['access.users']}
          hint="User names they sign in with, separated by commas, e.g. bob, carl."
        >
          <input id="embargo-users" value={form.users} autoComplete="off" onChange={(e) => change({ users: e.target.value })} />
        </Field>
        <fieldset className="plain-fieldset embargo-roles" aria-describedby={errors['access.roles'] ? 'embargo-roles-error' : undefined}>
          <legend>Roles who may open it</legend>
          {EMBARGO_ROLES.map(({ role, label }) => (
            <label key={role} className="checkbox">
              <input
                type="checkbox"
                checked={form.roles.includes(role)}
                onChange={(e) => change({ roles: e.target.checked ? [...form.roles, role] : form.roles.filter((r) => r !== role) })}
              />{' '}
              {label}
            </label>
          ))}
          {errors['access.roles'] && (
            <small id="embargo-roles-error" className="field-error">
              {errors['access.roles']}
            </small>
          )}
        </fieldset>
        {message && (
          <p className="field-error" role="alert">
            {message}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy} data-testid="embargo-save">
            {active ? 'Change embargo' : 'Embargo'}
          </button>
          {active && (
            <button
              type="button"
              className="button"
              disabled={busy}
              data-testid="embargo-lift"
              onClick={() => void onLift().catch((e) => setMessage(messageOf(e)))}
            >
              Lift embargo now
            </button>
          )}
        </div>
      </form>
    </details>
  );
}
