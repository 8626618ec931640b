import { useCallback, useEffect, useRef, useState } from 'react';
import { get, request } from '../../lib/api';
import { formatDateTime, formatShort } from '../../lib/format';
import type { DeliveryPage, WebhookDelivery } from '../../lib/types';
import {
  appendDeliveries,
  deliveriesUrl,
  deliveryStatusBadge,
  eventTypeLabel,
  formatDuration,
  httpStatusText,
  nextAttemptOf,
  refreshDeliveries,
  type DeliveryList,
} from '../../lib/webhooks';
import { messageOf } from '../../problem';
import { ErrorBox, Loading } from '../../ui/common';
import { useToast } from '../../ui/Toasts';

function When({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <span className="muted">—</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatShort(iso)}
    </time>
  );
}

/**
 * The endpoint's deliveries, newest first: a manual refresh (which keeps older pages already loaded), "Load more"
 * with the server's cursor, and a redeliver button per row. `refreshSignal` changing (a test ping was sent) reads
 * the newest page now and once more a moment later, when the ping has usually been delivered.
 */
export function DeliveriesPanel({ endpointId, refreshSignal }: { endpointId: string; refreshSignal: number }) {
  const toast = useToast();
  const [list, setList] = useState<DeliveryList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  const [redelivering, setRedelivering] = useState<string | null>(null);
  const listRef = useRef(list);
  listRef.current = list;

  const refresh = useCallback(async () => {
    setRefreshing(true);
    try {
      const first = await get<DeliveryPage>(deliveriesUrl(endpointId));
      setList((old) => refreshDeliveries(old, first));
      setUpdatedAt(new Date().toISOString());
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setRefreshing(false);
    }
  }, [endpointId]);

  useEffect(() => {
    setList(null);
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (refreshSignal === 0) return;
    void refresh();
    const later = setTimeout(() => void refresh(), 3000);
    return () => clearTimeout(later);
  }, [refreshSignal, refresh]);

  const loadMore = async () => {
    const cursor = listRef.current?.next;
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const page = await get<DeliveryPage>(deliveriesUrl(endpointId, cursor));
      setList((old) => appendDeliveries(old ?? { items: [], next: null, pages: 0 }, page));
    } catch (e) {
      toast.error(messageOf(e));
    } finally {
      setLoadingMore(false);
    }
  };

  const redeliver = async (d: WebhookDelivery) => {
    setRedelivering(d.id);
    try {
      await request(`/api/webhooks/${encodeURIComponent(endpointId)}/deliveries/${encodeURIComponent(d.id)}/redeliver`, { method: 'POST' });
      toast.success(`${eventTypeLabel(d.eventType)} of ${formatShort(d.createdAt)} is queued to be delivered again.`);
      await refresh();
    } catch (e) {
      toast.error(messageOf(e));
    } finally {
      setRedelivering(null);
    }
  };

  return (
    <section className="panel" aria-labelledby="deliveries-title" data-testid="deliveries">
      <div className="panel-head">
        <h2 id="deliveries-title">Deliveries</h2>
        <div className="panel-tools">
          <span className="muted small" role="status" data-testid="deliveries-updated">
            {refreshing ? 'Refreshing…' : updatedAt ? `Updated ${new Date(updatedAt).toLocaleTimeString(undefined, { timeStyle: 'medium' })}` : ''}
          </span>
          <button type="button" className="button button-small" onClick={() => void refresh()} disabled={refreshing} data-testid="refresh-deliveries">
            Refresh
          </button>
        </div>
      </div>
      <ErrorBox error={error} onRetry={() => void refresh()} />
      {!list && !error && <Loading what="Loading deliveries" />}
      {list && list.items.length === 0 && <p className="muted">No delivery yet. Send a test event to try the endpoint.</p>}
      {list && list.items.length > 0 && (
        <div className="table-wrap">
          <table className="table table-compact deliveries-table" data-testid="deliveries-table">
            <caption className="sr-only">
              Deliveries to this endpoint, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">HTTP status</th>
                <th scope="col">Duration</th>
                <th scope="col">Attempts</th>
                <th scope="col">Next attempt</th>
                <th scope="col">Error</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((d) => {
                const badge = deliveryStatusBadge(d.status);
                const next = nextAttemptOf(d);
                return (
                  <tr key={d.id} data-testid="delivery-row" data-delivery-id={d.id} data-status={d.status}>
                    <td>
                      <div className="delivery-event">{eventTypeLabel(d.eventType)}</div>
                      <div className="muted small">
                        <code>{d.eventType}</code> · <When iso={d.createdAt} />
                      </div>
                    </td>
                    <td>
                      <span className={badge.className}>{badge.label}</span>
                      {d.deliveredAt && (
                        <div className="muted small">
                          <When iso={d.deliveredAt} />
                        </div>
                      )}
                    </td>
                    <td className="nowrap">{httpStatusText(d)}</td>
                    <td className="nowrap">{formatDuration(d.lastDurationMs)}</td>
                    <td>{d.attempts}</td>
                    <td className="nowrap">{next ? <When iso={next} /> : <span className="muted">—</span>}</td>
                    <td className="delivery-error">{d.lastError ? d.lastError : <span className="muted">—</span>}</td>
                    <td>
                      <button
                        type="button"
                        className="button button-small"
                        disabled={redelivering === d.id}
                        onClick={() => void redeliver(d)}
                        data-testid="redeliver"
                        aria-label={`Redeliver ${eventTypeLabel(d.eventType)} of ${formatShort(d.createdAt)}`}
                      >
                        {redelivering === d.id ? 'Sending…' : 'Redeliver'}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {list?.next && (
        <div className="pager">
          <button type="button" className="button" onClick={() => void loadMore()} disabled={loadingMore} data-testid="load-more-deliveries">
            {loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </section>
  );
}
