import { useEffect, useMemo, useRef, useState } from 'react';
import type { WebhookEventType } from '../../lib/types';
import {
  checkUrl,
  checkWebhookForm,
  FORM_FIELDS,
  groupEventTypes,
  KINDS,
  orderEvents,
  selectAll,
  selectionState,
  toggleEvent,
  webhookFieldErrors,
  type WebhookFormValues,
} from '../../lib/webhooks';
import { ApiError, fieldLabel, messageOf } from '../../problem';
import { ErrorBox, Field, Loading, useFocusOnErrors } from '../../ui/common';

/** A failed save the form explains itself (a 412), with a way out. */
export class WebhookFormProblem extends Error {
  constructor(message: string, readonly action?: { label: string; run: () => void }) {
    super(message);
    this.name = 'WebhookFormProblem';
  }
}

/**
 * The endpoint form (add and edit): URL, description, kind, events. What can be checked here is checked before
 * sending; every problem is told once, at its field, in words, and the first one is focused.
 */
export function EndpointForm({ initial, eventTypes, eventTypesError, onRetryEventTypes, showEnabled, submitLabel, onSubmit, onCancel, idPrefix = 'wh' }: {
  initial: WebhookFormValues;
  /** undefined while loading. */
  eventTypes: WebhookEventType[] | undefined;
  eventTypesError?: unknown;
  onRetryEventTypes?: () => void;
  showEnabled?: boolean;
  submitLabel: string;
  onSubmit: (values: WebhookFormValues) => Promise<void>;
  onCancel?: () => void;
  idPrefix?: string;
}) {
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [urlTouched, setUrlTouched] = useState(false);
  const [problem, setProblem] = useState<{ text: string; action?: WebhookFormProblem['action'] } | null>(null);
  const [saving, setSaving] = useState(false);
  const focusErrors = useFocusOnErrors(errors);
  const problemBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) problemBox.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);

  // The listed types, plus any this endpoint has that the server no longer lists (kept, so saving drops nothing).
  const options = useMemo<WebhookEventType[]>(() => {
    const listed = eventTypes ?? [];
    const extra = v.events.filter((t) => !listed.some((l) => l.type === t)).map((type) => ({ type, description: 'No longer offered by the server.' }));
    return [...listed, ...extra];
  }, [eventTypes, v.events]);
  const groups = useMemo(() => groupEventTypes(options), [options]);
  const all = selectionState(v.events, options);
  const allBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (allBox.current) allBox.current.indeterminate = all === 'some';
  }, [all]);

  const clear = (key: string) => {
    if (errors[key]) setErrors((old) => Object.fromEntries(Object.entries(old).filter(([k]) => k !== key)));
  };
  const edit = <K extends keyof WebhookFormValues>(key: K, value: WebhookFormValues[K]) => {
    setV((old) => ({ ...old, [key]: value }));
    clear(key);
  };

  const urlError = errors.url ?? (urlTouched && v.url.trim() ? (checkUrl(v.url) ?? undefined) : undefined);
  const id = (name: string) => `${idPrefix}-${name}`;
  const eventsErrorId = id('events-error');
  const eventsInvalid = errors.events ? true : undefined;
  const describe = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const values = { ...v, events: orderEvents(v.events, options) };
    const local = checkWebhookForm(values);
    if (Object.keys(local).length > 0) {
      focusErrors();
      setErrors(local);
      return;
    }
    setSaving(true);
    try {
      await onSubmit(values);
      setErrors({});
    } catch (e) {
      if (e instanceof ApiError && e.hasFieldErrors) {
        const byField = webhookFieldErrors(e.problem);
        const shownHere = new Set<string>(FORM_FIELDS.filter((f) => f !== 'enabled' || showEnabled));
        const elsewhere = Object.entries(byField).filter(([k]) => !shownHere.has(k));
        if (elsewhere.length > 0) setProblem({ text: elsewhere.map(([k, text]) => `${fieldLabel(k)}: ${text}`).join('\n') });
        focusErrors();
        setErrors(byField);
      } else if (e instanceof WebhookFormProblem) {
        setProblem({ text: e.message, action: e.action });
      } else {
        setProblem({ text: messageOf(e) });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} className="webhook-form" noValidate data-testid="endpoint-form">
      <Field label="Endpoint URL" id={id('url')} error={urlError} hint="The address that receives the events, e.g. https://example.com/hooks/cms.">
        <input
          id={id('url')}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={v.url}
          data-testid="endpoint-url"
          onChange={(e) => {
            setUrlTouched(false);
            edit('url', e.target.value);
          }}
          onBlur={() => setUrlTouched(true)}
        />
      </Field>
      <Field label="Description (optional)" id={id('description')} error={errors.description} hint="What it is for, e.g. “Search index” or “Homepage CDN”.">
        <input id={id('description')} value={v.description} data-testid="endpoint-description" onChange={(e) => edit('description', e.target.value)} />
      </Field>

      <fieldset className="fieldset" aria-describedby={errors.kind ? id('kind-error') : undefined}>
        <legend>Kind</legend>
        <div className="choice-list">
          {KINDS.map((k) => (
            <div className="choice" key={k.kind}>
              <input
                type="radio"
                id={id(`kind-${k.kind}`)}
                name={id('kind')}
                value={k.kind}
                checked={v.kind === k.kind}
                aria-describedby={id(`kind-${k.kind}-hint`)}
                data-testid={`endpoint-kind-${k.kind}`}
                onChange={() => edit('kind', k.kind)}
              />
              <label htmlFor={id(`kind-${k.kind}`)}>{k.label}</label>
              <small className="hint" id={id(`kind-${k.kind}-hint`)}>
                {k.hint}
              </small>
            </div>
          ))}
        </div>
        {errors.kind && (
          <small className="field-error" id={id('kind-error')}>
            {errors.kind}
          </small>
        )}
      </fieldset>

      <fieldset className={errors.events ? 'fieldset field-invalid' : 'fieldset'} data-testid="event-checkboxes">
        <legend>Events</legend>
        {eventTypesError ? (
          <ErrorBox error={eventTypesError} onRetry={onRetryEventTypes} />
        ) : !eventTypes ? (
          <Loading what="Loading event types" />
        ) : (
          <>
            <div className="choice choice-all">
              <input
                ref={allBox}
                type="checkbox"
                id={id('events-all')}
                checked={all === 'all'}
                aria-invalid={eventsInvalid}
                aria-describedby={describe(errors.events && eventsErrorId)}
                data-testid="select-all-events"
                onChange={(e) => edit('events', selectAll(v.events, options, e.target.checked))}
              />
              <label htmlFor={id('events-all')}>Select all events</label>
            </div>
            {groups.map((g) => (
              <fieldset className="plain-fieldset event-group" key={g.key}>
                <legend className="event-group-title">{g.label}</legend>
                <ul className="event-options">
                  {g.types.map((t) => {
                    const boxId = id(`event-${t.type}`);
                    return (
                      <li className="choice" key={t.type}>
                        <input
                          type="checkbox"
                          id={boxId}
                          value={t.type}
                          checked={v.events.includes(t.type)}
                          aria-invalid={eventsInvalid}
                          aria-describedby={describe(t.description && `${boxId}-desc`, errors.events && eventsErrorId)}
                          data-testid={`event-${t.type}`}
                          onChange={(e) => edit('events', toggleEvent(v.events, t.type, e.target.checked, options))}
                        />
                        <label htmlFor={boxId}>
                          <code>{t.type}</code>
                        </label>
                        {t.description && (
                          <small className="hint" id={`${boxId}-desc`}>
                            {t.description}
                          </small>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            ))}
          </>
        )}
        {errors.events && (
          <small className="field-error" id={eventsErrorId} data-testid="events-error">
            {errors.events}
          </small>
        )}
      </fieldset>

      {showEnabled && (
        <div className="field">
          <div className="field-check">
            <input id={id('enabled')} type="checkbox" checked={v.enabled} data-testid="endpoint-enabled" onChange={(e) => edit('enabled', e.target.checked)} aria-describedby={errors.enabled ? id('enabled-error') : undefined} />
            <label htmlFor={id('enabled')}>Enabled: send events to this endpoint</label>
          </div>
          {errors.enabled && (
            <small className="field-error" id={id('enabled-error')}>
              {errors.enabled}
            </small>
          )}
        </div>
      )}

      {problem && (
        <div className="error-box" role="alert" data-testid="endpoint-form-problem" ref={problemBox}>
          <p>{problem.text}</p>
          {problem.action && (
            <button type="button" className="button" onClick={problem.action.run}>
              {problem.action.label}
            </button>
          )}
        </div>
      )}
      <div className={onCancel ? 'form-actions dialog-actions' : 'form-actions'}>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={saving} data-testid="save-endpoint">
          {saving ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
