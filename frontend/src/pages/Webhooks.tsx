import { useState } from 'react';
import { Link } from 'react-router-dom';
import { get, request } from '../lib/api';
import { formatDateTime, formatShort } from '../lib/format';
import type { WebhookEndpoint, WebhookSecret } from '../lib/types';
import { countsText, createBody, formValuesOf, kindLabel, lastDeliveryText, reenableBody } from '../lib/webhooks';
import { ApiError, messageOf } from '../problem';
import { abilities, useUser } from '../session';
import { ErrorBox, Loading, PageHeader, useLoad } from '../ui/common';
import { Dialog } from '../ui/Dialog';
import { useToast } from '../ui/Toasts';
import { changedElsewhere, useEventTypes } from './webhooks/data';
import { EndpointForm } from './webhooks/EndpointForm';
import { DisabledReason, EndpointStatusBadge, EventChips, SecretDialog, SignatureHelp, WebhooksNotAllowed } from './webhooks/parts';

/** Admins only: the endpoints told about content changes (webhooks and CDN purges). */
export function Webhooks() {
  const can = abilities(useUser());
  return can.admin ? <WebhookList /> : <WebhooksNotAllowed />;
}

function WebhookList() {
  const toast = useToast();
  const { data, error, loading, reload } = useLoad((signal) => get<{ items: WebhookEndpoint[] }>('/api/webhooks', signal).then((r) => r.items ?? []), []);
  const types = useEventTypes();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const reenable = async (endpoint: WebhookEndpoint) => {
    setBusy(endpoint.id);
    try {
      await request<WebhookEndpoint>(`/api/webhooks/${encodeURIComponent(endpoint.id)}`, { method: 'PUT', body: reenableBody(endpoint), ifMatch: endpoint.version });
      toast.success(`${endpoint.url} is enabled again`);
    } catch (e) {
      toast.error(e instanceof ApiError && e.status === 412 ? changedElsewhere('it was not enabled') : messageOf(e));
    } finally {
      setBusy(null);
      reload();
    }
  };

  return (
    <>
      <PageHeader title="Webhooks" subtitle="Tell other systems when articles, authors and featured lists change: signed webhooks and CDN purges.">
        <button type="button" className="button button-primary" onClick={() => setAdding(true)} data-testid="add-endpoint">
          Add endpoint
        </button>
      </PageHeader>
      <ErrorBox error={error} onRetry={reload} />
      {loading && !data && <Loading what="Loading endpoints" />}
      {data && data.length === 0 && (
        <p className="muted" data-testid="no-endpoints">
          No endpoint yet. Add one to tell another system when content changes.
        </p>
      )}
      {data && data.length > 0 && (
        <div className="table-wrap endpoint-table-wrap">
          <table className="table endpoint-table" data-testid="endpoint-table">
            <caption className="sr-only">Webhook endpoints</caption>
            <thead>
              <tr>
                <th scope="col">Endpoint</th>
                <th scope="col">Kind</th>
                <th scope="col">Events</th>
                <th scope="col">Status</th>
                <th scope="col">Last delivery</th>
                <th scope="col">Deliveries</th>
              </tr>
            </thead>
            <tbody>
              {data.map((w) => (
                <tr key={w.id} data-testid="endpoint-row" data-endpoint-id={w.id}>
                  <td className="endpoint-cell">
                    <Link to={`/webhooks/${encodeURIComponent(w.id)}`} className="strong-link endpoint-url" data-testid="endpoint-link">
                      {w.url}
                    </Link>
                    {w.description && <div className="muted small">{w.description}</div>}
                  </td>
                  <td className="nowrap">{kindLabel(w.kind)}</td>
                  <td>
                    <EventChips events={w.events} types={types.data} />
                  </td>
                  <td>
                    <EndpointStatusBadge endpoint={w} />
                    <DisabledReason endpoint={w} />
                    {!w.enabled && (
                      <button
                        type="button"
                        className="button button-small"
                        disabled={busy === w.id}
                        onClick={() => void reenable(w)}
                        data-testid="reenable-endpoint"
                        aria-label={`Re-enable ${w.url}`}
                      >
                        Re-enable
                      </button>
                    )}
                  </td>
                  <td>
                    <div>{lastDeliveryText(w.stats)}</div>
                    {w.stats?.lastDeliveryAt && (
                      <time className="muted small" dateTime={w.stats.lastDeliveryAt} title={formatDateTime(w.stats.lastDeliveryAt)}>
                        {formatShort(w.stats.lastDeliveryAt)}
                      </time>
                    )}
                  </td>
                  <td className="small endpoint-counts" data-testid="endpoint-counts">
                    {countsText(w.stats)
                      .split(' · ')
                      .map((line) => (
                        <div key={line}>{line}</div>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <SignatureHelp />

      {adding && (
        <Dialog title="Add endpoint" onClose={() => setAdding(false)} wide testId="endpoint-dialog">
          <EndpointForm
            initial={formValuesOf(null)}
            eventTypes={types.data}
            eventTypesError={types.error}
            onRetryEventTypes={types.reload}
            submitLabel="Add endpoint"
            onCancel={() => setAdding(false)}
            onSubmit={async (values) => {
              const answer = await request<WebhookEndpoint & WebhookSecret>('/api/webhooks', { method: 'POST', body: createBody(values) });
              setAdding(false);
              setCreated({ url: answer.data.url, secret: answer.data.secret });
              toast.success('Endpoint added');
              reload();
            }}
          />
        </Dialog>
      )}
      {created && (
        <SecretDialog
          title="Endpoint added: copy its secret"
          intro={`Deliveries to ${created.url} are signed with this secret.`}
          secret={created.secret}
          onClose={() => setCreated(null)}
        />
      )}
    </>
  );
}
