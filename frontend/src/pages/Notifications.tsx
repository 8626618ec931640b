import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { get, query, request } from '../lib/api';
import { formatDateTime } from '../lib/format';
import { CHANGED_EVENT, describeNotification, notificationLink, type AppNotification, type NotificationPage } from '../lib/notifications';
import { messageOf } from '../problem';
import { ErrorBox, Loading, PageHeader } from '../ui/common';

const PAGE = 20;

/** The signed-in person's notifications, newest first, with links to the articles; mark one or all read. */
export function Notifications() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [items, setItems] = useState<AppNotification[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [status, setStatus] = useState('');

  const load = async (cursor: string | null, signal?: AbortSignal) => {
    setLoading(true);
    setError(null);
    try {
      const page = await get<NotificationPage>('/api/notifications' + query({ unread: unreadOnly, cursor, limit: PAGE }), signal);
      if (signal?.aborted) return;
      setItems((current) => (cursor ? [...current, ...page.items] : page.items));
      setNext(page.nextCursor);
    } catch (e) {
      if (!signal?.aborted) setError(e);
    } finally {
      if (!signal?.aborted) setLoading(false);
    }
  };

  useEffect(() => {
    const controller = new AbortController();
    void load(null, controller.signal);
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unreadOnly]);

  const markRead = async (n: AppNotification) => {
    try {
      const { data } = await request<AppNotification>(`/api/notifications/${n.id}/read`, { method: 'POST' });
      setItems((current) => (unreadOnly ? current.filter((i) => i.id !== n.id) : current.map((i) => (i.id === n.id ? data : i))));
      setStatus('Marked as read.');
      window.dispatchEvent(new Event(CHANGED_EVENT));
    } catch (e) {
      setStatus(messageOf(e));
    }
  };

  const markAll = async () => {
    try {
      const { data } = await request<{ marked: number }>('/api/notifications/read-all', { method: 'POST' });
      const now = new Date().toISOString();
      setItems((current) => (unreadOnly ? [] : current.map((i) => (i.readAt ? i : { ...i, readAt: now }))));
      setStatus(data.marked === 1 ? '1 notification marked as read.' : `${data.marked} notifications marked as read.`);
      window.dispatchEvent(new Event(CHANGED_EVENT));
    } catch (e) {
      setStatus(messageOf(e));
    }
  };

  const unreadShown = items.some((i) => !i.readAt);
  return (
    <>
      <PageHeader title="Notifications" subtitle="Reviews asked of you, steps of your articles, assignments and comments that mention you.">
        <button type="button" className="button" onClick={() => void markAll()} disabled={!unreadShown} data-testid="mark-all-read">
          Mark all as read
        </button>
      </PageHeader>
      <div className="filters">
        <label className="checkbox">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} data-testid="unread-only" /> Unread only
        </label>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {status}
      </p>
      <ErrorBox error={error} onRetry={() => void load(null)} />
      {!error && items.length === 0 && !loading && <p className="muted">{unreadOnly ? 'Nothing unread.' : 'No notifications yet.'}</p>}
      {items.length > 0 && (
        <ul className="notification-list" data-testid="notifications">
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? 'notification' : 'notification notification-unread'} data-type={n.type}>
              <div className="notification-text">
                {!n.readAt && <span className="sr-only">Unread: </span>}
                <Link to={notificationLink(n)} className="strong-link" onClick={() => (n.readAt ? undefined : void markRead(n))}>
                  {describeNotification(n)}
                </Link>
                <span className="muted small"> · {formatDateTime(n.createdAt)}</span>
              </div>
              {!n.readAt && (
                <button type="button" className="button button-small button-quiet" onClick={() => void markRead(n)} aria-label={`Mark as read: ${describeNotification(n)}`}>
                  Mark as read
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {loading && <Loading what="Loading notifications" />}
      {next && !loading && (
        <button type="button" className="button" onClick={() => void load(next)}>
          Show older
        </button>
      )}
    </>
  );
}
