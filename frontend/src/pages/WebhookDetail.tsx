import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { request, type Versioned } from '../lib/api';
import { formatDateTime, formatShort } from '../lib/format';
import type { WebhookEndpoint, WebhookSecret } from '../lib/types';
import { countsText, formValuesOf, kindLabel, lastDeliveryText, reenableBody, sameFormValues, updateBody, type WebhookFormValues } from '../lib/webhooks';
import { ApiError, messageOf } from '../problem';
import { abilities, useUser } from '../session';
import { ErrorBox, Loading, PageHeader } from '../ui/common';
import { Dialog } from '../ui/Dialog';
import { useToast } from '../ui/Toasts';
import { changedElsewhere, useEventTypes } from './webhooks/data';
import { DeliveriesPanel } from './webhooks/DeliveriesPanel';
import { EndpointForm, WebhookFormProblem } from './webhooks/EndpointForm';
import { DisabledReason, EndpointStatusBadge, SecretDialog, SignatureHelp, WebhooksNotAllowed } from './webhooks/parts';

export function WebhookDetail() {
  const can = abilities(useUser());
  const { id } = useParams();
  return can.admin && id ? <EndpointDetail key={id} id={id} /> : <WebhooksNotAllowed />;
}

const versionOf = (v: Versioned<WebhookEndpoint>) => v.version ?? v.data.version;

/** What the settings form edits: its starting values and the version an edit is based on (sent as If-Match). */
interface FormBase {
  values: WebhookFormValues;
  version: number;
  /** A new key starts the form again from `values` (after a save or an explicit reload, never behind a person's back). */
  key: number;
}

/**
 * One endpoint: its state and counts, its settings (edited with If-Match; a 412 offers to load the newer version),
 * delete and rotate secret (each confirmed), a test ping, and the deliveries.
 */
function EndpointDetail({ id }: { id: string }) {
  const toast = useToast();
  const navigate = useNavigate();
  const types = useEventTypes();
  const url = `/api/webhooks/${encodeURIComponent(id)}`;
  const [endpoint, setEndpoint] = useState<Versioned<WebhookEndpoint> | null>(null);
  const [base, setBase] = useState<FormBase | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirm, setConfirm] = useState<'delete' | 'rotate' | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [busy, setBusy] = useState<'ping' | 'delete' | 'rotate' | 'enable' | null>(null);
  const [pinged, setPinged] = useState(0);

  /** Shows the endpoint as the server holds it now, and starts the form from it. */
  const adopt = useCallback((fresh: Versioned<WebhookEndpoint>) => {
    setEndpoint(fresh);
    setBase((old) => ({ values: formValuesOf(fresh.data), version: versionOf(fresh), key: (old?.key ?? 0) + 1 }));
  }, []);

  const load = useCallback(async () => {
    setError(null);
    try {
      adopt(await request<WebhookEndpoint>(url));
    } catch (e) {
      setError(e);
    }
  }, [url, adopt]);
  useEffect(() => {
    void load();
  }, [load]);

  /**
   * Reads the endpoint again after an action that does not change its settings (ping, rotation), for its state and
   * counts. When its settings are still those the form started from, the form moves on to the new version; when
   * someone else changed them, the form keeps its version, so saving over their change is refused (412) and explained.
   */
  const refreshQuietly = useCallback(async () => {
    try {
      const fresh = await request<WebhookEndpoint>(url);
      setEndpoint(fresh);
      setBase((old) => (old && sameFormValues(old.values, formValuesOf(fresh.data)) ? { ...old, version: versionOf(fresh) } : old));
    } catch {
      // The page keeps what it shows; the next action or reload says what is wrong.
    }
  }, [url]);

  if (error) {
    return (
      <>
        <p>
          <Link to="/webhooks">← All webhooks</Link>
        </p>
        {error instanceof ApiError && error.status === 404 ? (
          <>
            <PageHeader title="Endpoint not found" />
            <p>This endpoint does not exist (any more). It may have been deleted.</p>
          </>
        ) : (
          <ErrorBox error={error} onRetry={() => void load()} />
        )}
      </>
    );
  }
  if (!endpoint || !base) return <Loading what="Loading the endpoint" />;
  const w = endpoint.data;

  const ping = async () => {
    setBusy('ping');
    try {
      await request(`${url}/ping`, { method: 'POST' });
      toast.success('Test event sent. It shows in the deliveries below in a moment.');
      setPinged((n) => n + 1);
      void refreshQuietly();
    } catch (e) {
      toast.error(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const rotate = async () => {
    setBusy('rotate');
    try {
      const answer = await request<WebhookSecret>(`${url}/secret`, { method: 'POST' });
      setConfirm(null);
      setSecret(answer.data.secret);
      void refreshQuietly();
    } catch (e) {
      setConfirm(null);
      toast.error(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    setBusy('delete');
    try {
      await request(url, { method: 'DELETE', ifMatch: versionOf(endpoint) });
      toast.success(`${w.url} deleted`);
      navigate('/webhooks');
    } catch (e) {
      setConfirm(null);
      if (e instanceof ApiError && e.status === 412) {
        await load();
        toast.error(changedElsewhere('it was not deleted'));
      } else {
        toast.error(messageOf(e));
      }
    } finally {
      setBusy(null);
    }
  };

  const reenable = async () => {
    setBusy('enable');
    try {
      adopt(await request<WebhookEndpoint>(url, { method: 'PUT', body: reenableBody(w), ifMatch: versionOf(endpoint) }));
      toast.success('The endpoint is enabled again');
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        await load();
        toast.error(changedElsewhere('it was not enabled'));
      } else {
        toast.error(messageOf(e));
      }
    } finally {
      setBusy(null);
    }
  };

  const save = async (values: WebhookFormValues) => {
    try {
      const saved = await request<WebhookEndpoint>(url, { method: 'PUT', body: updateBody(values), ifMatch: base.version });
      adopt(saved);
      toast.success('Endpoint saved');
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        throw new WebhookFormProblem('Someone else changed this endpoint while you were editing, so your changes are not saved. Load their version, then make your change again.', {
          label: 'Load their version',
          run: () => void load(),
        });
      }
      throw e;
    }
  };

  const title = w.description?.trim() || w.url;
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/webhooks">← All webhooks</Link>
      </nav>
      <PageHeader title={title} subtitle={w.description?.trim() ? <span className="endpoint-url">{w.url}</span> : undefined}>
        <button type="button" className="button" onClick={() => void ping()} disabled={busy !== null} data-testid="send-ping">
          {busy === 'ping' ? 'Sending…' : 'Send test event'}
        </button>
        <button type="button" className="button" onClick={() => setConfirm('rotate')} disabled={busy !== null} data-testid="rotate-secret">
          Rotate secret…
        </button>
        <button type="button" className="button button-danger-quiet" onClick={() => setConfirm('delete')} disabled={busy !== null} data-testid="delete-endpoint">
          Delete…
        </button>
      </PageHeader>

      <section className={w.enabled ? 'endpoint-summary' : 'endpoint-summary endpoint-summary-off'} aria-label="State" data-testid="endpoint-summary">
        <div className="grow">
          <p className="endpoint-summary-line">
            <EndpointStatusBadge endpoint={w} />
            <span className="badge">{kindLabel(w.kind)}</span>
            <span data-testid="endpoint-counts">{countsText(w.stats)}</span>
            <span aria-hidden="true">·</span>
            <span>
              Last delivery: {lastDeliveryText(w.stats)}
              {w.stats?.lastDeliveryAt && (
                <>
                  {' '}
                  <time dateTime={w.stats.lastDeliveryAt} title={formatDateTime(w.stats.lastDeliveryAt)}>
                    {formatShort(w.stats.lastDeliveryAt)}
                  </time>
                </>
              )}
            </span>
          </p>
          <DisabledReason endpoint={w} className="endpoint-summary-reason" />
        </div>
        {!w.enabled && (
          <button type="button" className="button button-primary" onClick={() => void reenable()} disabled={busy !== null} data-testid="reenable-endpoint">
            {busy === 'enable' ? 'Enabling…' : 'Re-enable'}
          </button>
        )}
      </section>

      <div className="webhook-grid">
        <section className="panel" aria-labelledby="settings-title">
          <h2 id="settings-title">Settings</h2>
          <p className="muted small">
            Added {formatDateTime(w.createdAt)}
            {w.createdBy ? ` by ${w.createdBy}` : ''}
            {w.updatedAt && w.updatedAt !== w.createdAt ? ` · changed ${formatDateTime(w.updatedAt)}` : ''}.
          </p>
          <EndpointForm
            key={base.key}
            initial={base.values}
            eventTypes={types.data}
            eventTypesError={types.error}
            onRetryEventTypes={types.reload}
            showEnabled
            submitLabel="Save changes"
            onSubmit={save}
          />
        </section>
        <SignatureHelp />
      </div>

      <DeliveriesPanel endpointId={id} refreshSignal={pinged} />

      {confirm === 'delete' && (
        <Dialog title="Delete this endpoint?" onClose={() => setConfirm(null)} testId="confirm-delete-dialog">
          <p>
            <span className="endpoint-url">{w.url}</span> stops receiving events at once. Its settings and delivery history go with it; this cannot be undone.
          </p>
          <p>To stop deliveries for a while instead, clear “Enabled” in its settings.</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirm(null)}>
              Keep it
            </button>
            <button type="button" className="button button-danger" disabled={busy !== null} onClick={() => void remove()} data-testid="confirm-delete">
              {busy === 'delete' ? 'Deleting…' : 'Delete endpoint'}
            </button>
          </div>
        </Dialog>
      )}
      {confirm === 'rotate' && (
        <Dialog title="Rotate the signing secret?" onClose={() => setConfirm(null)} testId="confirm-rotate-dialog">
          <p>A new secret is made and shown to you once. Deliveries are signed with it from now on.</p>
          <p>The receiving system must be given the new secret, or it will reject deliveries it checks with the old one.</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirm(null)}>
              Cancel
            </button>
            <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void rotate()} data-testid="confirm-rotate">
              {busy === 'rotate' ? 'Rotating…' : 'Rotate secret'}
            </button>
          </div>
        </Dialog>
      )}
      {secret && <SecretDialog title="New signing secret" intro={`Deliveries to ${w.url} are signed with this secret from now on.`} secret={secret} onClose={() => setSecret(null)} />}
    </>
  );
}
