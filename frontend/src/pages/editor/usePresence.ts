import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { authorizedFetch, currentToken } from '../../auth';
import { request } from '../../lib/api';
import { heartbeatMode, initialLock, lockReducer, newSessionId, type PresenceMode, type PresencePerson, type PresenceView } from '../../lib/presence';
import { readEventStream } from '../../lib/sse';
import { ApiError } from '../../problem';

/** A tab beats this often; the server forgets a tab silent for 40 s (so a closed or crashed tab goes by itself). */
const HEARTBEAT_EVERY = 15_000;

/**
 * This tab's presence on an article: joins (as editor when the person may edit, else as viewer), beats, follows the
 * article's live presence stream (server-sent events read with fetch(), the token in the Authorization header), and
 * leaves when the editor closes or the tab goes away (pagehide; a crash is covered by the expiry).
 */
export function usePresence(articleId: string | null, canEdit: boolean) {
  const session = useMemo(() => newSessionId(), [articleId]);
  const [view, setView] = useState<PresenceView | null>(null);
  const [lock, dispatch] = useReducer(lockReducer, initialLock);
  const lockRef = useRef(lock);
  lockRef.current = lock;
  const canEditRef = useRef(canEdit);
  canEditRef.current = canEdit;
  const base = articleId ? `/api/articles/${articleId}/presence` : null;

  const seen = useCallback((next: PresenceView) => {
    setView(next);
    dispatch({ type: 'view', view: next });
  }, []);

  const send = useCallback(
    async (mode: PresenceMode) => {
      const result = await request<PresenceView>(`${base}/${session}`, { method: 'PUT', body: { mode } });
      seen(result.data);
      return result.data;
    },
    [base, session, seen],
  );

  /** Asks for the lock (when the person may edit); someone else holding it gets the person asked what to do. */
  const join = useCallback(async () => {
    if (!canEditRef.current) {
      dispatch({ type: 'cannot-edit' });
      await send('VIEWING');
      return;
    }
    try {
      await send('EDITING');
      dispatch({ type: 'joined-editing' });
    } catch (e) {
      const editor = e instanceof ApiError && e.status === 409 ? (e.problem as { editor?: PresencePerson } | undefined)?.editor : undefined;
      if (!editor) throw e;
      dispatch({ type: 'refused', editor });
      await send('VIEWING');
    }
  }, [send]);

  const beat = useCallback(async () => {
    const mode = canEditRef.current ? heartbeatMode(lockRef.current) : 'VIEWING';
    try {
      await send(mode);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && mode === 'EDITING') {
        // the lock went to someone else while this tab was not listening: say so, stay present as a viewer
        const problem = e.problem as { editor?: PresencePerson; takenOverByName?: string; takenOverAt?: string } | undefined;
        dispatch({ type: 'lost', byName: problem?.editor?.displayName ?? problem?.takenOverByName ?? 'Someone', at: problem?.takenOverAt ?? new Date().toISOString() });
        await send('VIEWING').catch(() => undefined);
      }
    }
  }, [send]);

  useEffect(() => {
    if (!base) return;
    const abort = new AbortController();
    void join().catch(() => undefined);
    const timer = setInterval(() => void beat(), HEARTBEAT_EVERY);

    // the live stream, reconnecting after a pause that grows while it keeps failing
    void (async () => {
      let failures = 0;
      while (!abort.signal.aborted) {
        try {
          const response = await authorizedFetch(`${base}/stream?session=${session}`, { headers: { Accept: 'text/event-stream' }, signal: abort.signal });
          if (response.status === 401 || response.status === 403 || response.status === 404) return;
          if (response.ok) {
            failures = 0;
            await readEventStream(
              response,
              (event) => {
                if (event.type === 'presence') seen(JSON.parse(event.data) as PresenceView);
              },
              abort.signal,
            );
          } else {
            failures++;
          }
        } catch {
          failures++;
        }
        if (abort.signal.aborted) return;
        await new Promise((resolve) => setTimeout(resolve, Math.min(15_000, 1000 * 2 ** Math.min(failures, 4))));
      }
    })();

    // the tab goes away: say so at once (keepalive lets the request outlive the page); a crash waits for the expiry
    const leave = () => {
      const token = currentToken();
      if (!token) return;
      void fetch(`${base}/${session}`, { method: 'DELETE', keepalive: true, headers: { Authorization: `Bearer ${token}` } }).catch(() => undefined);
    };
    const back = (event: PageTransitionEvent) => {
      if (event.persisted) void beat();
    };
    // a hidden tab's timers may be slowed to once a minute: it beats as soon as it is looked at again
    const shown = () => {
      if (document.visibilityState === 'visible') void beat();
    };
    window.addEventListener('pagehide', leave);
    window.addEventListener('pageshow', back);
    document.addEventListener('visibilitychange', shown);
    return () => {
      abort.abort();
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('pageshow', back);
      document.removeEventListener('visibilitychange', shown);
      leave();
    };
  }, [base, session, join, beat, seen]);

  // The article's state changed what the person may do: give the lock back, or ask for it.
  useEffect(() => {
    if (!base) return;
    if (!canEdit && lock.kind === 'editing') {
      dispatch({ type: 'cannot-edit' });
      void send('VIEWING').catch(() => undefined);
    } else if (canEdit && lock.kind === 'cannot-edit') {
      void join().catch(() => undefined);
    }
  }, [base, canEdit, lock.kind, send, join]);

  const takeOver = useCallback(async () => {
    const result = await request<PresenceView>(`${base}/${session}/take-over`, { method: 'POST' });
    setView(result.data);
    dispatch({ type: 'took-over' });
  }, [base, session]);

  const readOnly = useCallback(() => dispatch({ type: 'chose-read-only' }), []);

  return { session, view, lock, takeOver, readOnly };
}
