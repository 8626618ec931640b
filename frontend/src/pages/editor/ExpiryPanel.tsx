import { useEffect, useRef, useState } from 'react';
import { expiryProblem, expiryText } from '../../lib/embargo';
import { fromLocalInput, toLocalInput } from '../../lib/format';
import type { Action, Article } from '../../lib/types';
import { ApiError, fieldErrors, messageOf } from '../../problem';
import { Field } from '../../ui/common';

/**
 * The live article's expiry (editors and admins): the time it unpublishes by itself, set, changed or cleared, each a
 * workflow step sent with If-Match like the others. Errors are shown at the time field, in plain words.
 */
export function ExpiryPanel({ article, busy, onRun }: {
  article: Article;
  busy: boolean;
  /** Rejects only with an ApiError naming the time (`at`); anything else is shown by the editor. */
  onRun: (action: Action, comment?: string, at?: string) => Promise<void>;
}) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const current = expiryText(article.scheduledUnpublishAt);
  // open at first when an expiry is set; after that the person opens and closes it (a change never folds it away)
  const panel = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (current && panel.current) panel.current.open = true;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const problem = expiryProblem(value);
    setError(problem);
    if (problem) {
      document.getElementById('expiry-at')?.focus();
      return;
    }
    try {
      await onRun('unpublish', undefined, fromLocalInput(value) ?? undefined);
      setValue('');
    } catch (e) {
      const byField = e instanceof ApiError ? fieldErrors(e.problem) : {};
      setError(byField.at ?? messageOf(e));
    }
  };

  return (
    <details ref={panel} className="advanced expiry-panel" data-testid="expiry-panel">
      <summary>{current ?? 'Scheduled unpublish'}</summary>
      <form onSubmit={submit} noValidate aria-label="Scheduled unpublish">
        <p className="muted small" data-testid="expiry-state">
          {current ? `${current}: readers stop seeing it then, by itself.` : 'No unpublish time is set: the article stays live until someone unpublishes it.'}
        </p>
        <Field label={current ? 'Unpublish at another time (your local time)' : 'Unpublish at (your local time)'} id="expiry-at" error={error ?? undefined}>
          <input
            id="expiry-at"
            type="datetime-local"
            value={value}
            placeholder={toLocalInput(article.scheduledUnpublishAt)}
            onChange={(e) => {
              setValue(e.target.value);
              setError(null);
            }}
          />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy} data-testid="expiry-set">
            {current ? 'Change unpublish time' : 'Set unpublish time'}
          </button>
          {article.allowedActions.includes('unschedule_unpublish') && (
            <button
              type="button"
              className="button button-danger-quiet"
              disabled={busy}
              data-testid="expiry-clear"
              onClick={() => void onRun('unschedule_unpublish').catch((e) => setError(messageOf(e)))}
            >
              Clear unpublish time
            </button>
          )}
        </div>
      </form>
    </details>
  );
}
