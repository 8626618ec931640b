import { useState } from 'react';
import { get, request } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import type { HistoryEntry } from '../../lib/types';
import { historyVerb, STATUS_LABELS } from '../../lib/workflow';
import { messageOf } from '../../problem';
import { ErrorBox, Loading, useLoad } from '../../ui/common';
import { useToast } from '../../ui/Toasts';

/** The workflow history and review comments beside the article, newest first, with a box to add a comment. */
export function HistoryPanel({ articleId, refresh, canComment }: { articleId: string; refresh: number; canComment: boolean }) {
  const toast = useToast();
  const { data, error, loading, reload } = useLoad((signal) => get<{ items: HistoryEntry[] }>(`/api/articles/${articleId}/history`, signal), [articleId, refresh]);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) return;
    setSending(true);
    try {
      await request(`/api/articles/${articleId}/comments`, { method: 'POST', body: { body: comment.trim() } });
      setComment('');
      toast.success('Comment added');
      reload();
    } catch (e) {
      toast.error(messageOf(e));
    } finally {
      setSending(false);
    }
  };
  const entries = [...(data?.items ?? [])].reverse();
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">History and comments</h2>
      {canComment && (
        <form onSubmit={send} className="comment-form">
          <div className="field">
            <label htmlFor="new-comment">Add a review comment</label>
            <textarea id="new-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
          </div>
          <button type="submit" className="button" disabled={sending || !comment.trim()}>
            {sending ? 'Posting…' : 'Post comment'}
          </button>
        </form>
      )}
      <ErrorBox error={error} onRetry={reload} />
      {loading && !data && <Loading what="Loading history" />}
      {data && entries.length === 0 && <p className="muted">Nothing yet.</p>}
      <ol className="timeline" data-testid="history">
        {entries.map((e, i) => (
          <li key={i} className={e.kind === 'comment' ? 'timeline-item timeline-comment' : 'timeline-item'}>
            <div className="timeline-meta">
              <strong>{e.actor}</strong> {e.kind === 'comment' ? 'commented' : historyVerb(e.action)}
              {e.kind === 'transition' && e.toStatus && <span className="muted"> → {STATUS_LABELS[e.toStatus] ?? e.toStatus}</span>}
              <div className="muted small">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                {e.revision ? ` · revision ${e.revision}` : ''}
              </div>
            </div>
            {e.comment && <blockquote className="timeline-text">{e.comment}</blockquote>}
          </li>
        ))}
      </ol>
    </section>
  );
}
