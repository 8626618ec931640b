import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { get } from '../lib/api';
import { badgeText, bellLabel, CHANGED_EVENT, nextPollDelay } from '../lib/notifications';

/**
 * The top bar's bell: the unread count, asked every 30 s, on every navigation and when this tab reads notifications.
 * When the API does not answer the bell keeps its last count quietly (nothing is shown or logged for a poll) and asks
 * less and less often (nextPollDelay) until it answers again.
 */
export function NotificationBell() {
  const [count, setCount] = useState<number | null>(null);
  const location = useLocation();
  const failures = useRef(0);
  const refresh = useCallback((signal?: AbortSignal) => {
    get<{ count: number }>('/api/notifications/unread-count', signal)
      .then((answer) => {
        failures.current = 0;
        if (!signal?.aborted && typeof answer?.count === 'number') setCount(answer.count);
      })
      .catch(() => {
        if (!signal?.aborted) failures.current += 1;
      });
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    refresh(controller.signal);
    return () => controller.abort();
  }, [location.pathname, refresh]);
  useEffect(() => {
    let timer = 0;
    const schedule = () => {
      timer = window.setTimeout(() => {
        if (document.visibilityState !== 'hidden') refresh();
        schedule();
      }, nextPollDelay(failures.current));
    };
    schedule();
    const onChanged = () => refresh();
    window.addEventListener(CHANGED_EVENT, onChanged);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener(CHANGED_EVENT, onChanged);
    };
  }, [refresh]);
  const badge = badgeText(count ?? 0);
  return (
    <Link to="/notifications" className="bell" aria-label={bellLabel(count)} data-testid="bell">
      <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {badge && (
        <span className="bell-count" aria-hidden="true" data-testid="bell-count">
          {badge}
        </span>
      )}
    </Link>
  );
}
