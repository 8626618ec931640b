import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { get, request } from '../lib/api';
import { showValue, sideBySide } from '../lib/diff';
import { formatShort } from '../lib/format';
import type { Article, Revision, RevisionDiff, RevisionSummary } from '../lib/types';
import { mayEdit } from '../lib/articleForm';
import { messageOf } from '../problem';
import { useUser } from '../session';
import { ErrorBox, Loading, PageHeader, useLoad } from '../ui/common';
import { useToast } from '../ui/Toasts';

/** Every saved revision; two of them side by side; restore an old one as a new revision. */
export function Revisions() {
  const { id } = useParams();
  const user = useUser();
  const toast = useToast();
  const { data, error, loading, reload } = useLoad(
    async (signal) => {
      const [article, revisions] = await Promise.all([
        request<Article>(`/api/articles/${id}`, { signal }),
        get<{ items: RevisionSummary[] }>(`/api/articles/${id}/revisions`, signal),
      ]);
      return { article: article.data, version: article.version, revisions: [...revisions.items].sort((a, b) => b.number - a.number) };
    },
    [id],
  );
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);

  useEffect(() => {
    if (!data || data.revisions.length === 0) return;
    const newest = data.revisions[0].number;
    setTo((t) => t ?? newest);
    setFrom((f) => f ?? (data.revisions[1]?.number ?? newest));
  }, [data]);

  const restore = async (n: number) => {
    if (!data) return;
    setRestoring(n);
    try {
      await request(`/api/articles/${id}/revisions/${n}/restore`, { method: 'POST', ifMatch: data.version });
      toast.success(`Revision ${n} restored as a new working revision`);
      setFrom(null);
      setTo(null);
      reload();
    } catch (e) {
      toast.error(messageOf(e));
    } finally {
      setRestoring(null);
    }
  };

  if (error) return <ErrorBox error={error} onRetry={reload} />;
  if (loading && !data) return <Loading what="Loading revisions" />;
  if (!data) return null;
  const editable = mayEdit(data.article, user);
  return (
    <>
      <PageHeader title={`Revisions: ${data.article.headline}`} subtitle="Every save is a revision. Compare two, or restore an old one (it becomes a new revision).">
        <Link className="button" to={`/articles/${id}`}>
          Back to the editor
        </Link>
      </PageHeader>
      <div className="revisions-grid">
        <section className="panel" aria-labelledby="rev-list">
          <h2 id="rev-list">Revisions</h2>
          <table className="table table-compact" data-testid="revision-table">
            <thead>
              <tr>
                <th scope="col">Revision</th>
                <th scope="col">Saved</th>
                <th scope="col">
                  <span className="sr-only">Compare from</span>From
                </th>
                <th scope="col">
                  <span className="sr-only">Compare to</span>To
                </th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.revisions.map((r) => (
                <tr key={r.number}>
                  <td>
                    <strong>{r.number}</strong>
                    <div>
                      {r.live && <span className="badge badge-live">Live</span>}
                      {r.working && <span className="badge">Working</span>}
                    </div>
                  </td>
                  <td>
                    <div className="nowrap">{formatShort(r.createdAt)}</div>
                    <div className="muted small">
                      {r.author}
                      {r.note ? ` · ${r.note}` : ''}
                    </div>
                  </td>
                  <td>
                    <input type="radio" name="from" aria-label={`Compare from revision ${r.number}`} checked={from === r.number} onChange={() => setFrom(r.number)} />
                  </td>
                  <td>
                    <input type="radio" name="to" aria-label={`Compare to revision ${r.number}`} checked={to === r.number} onChange={() => setTo(r.number)} />
                  </td>
                  <td>
                    {editable && !r.working && (
                      <button type="button" className="button button-small" disabled={restoring !== null} onClick={() => void restore(r.number)}>
                        {restoring === r.number ? 'Restoring…' : 'Restore'}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        {from !== null && to !== null && <DiffView articleId={id!} from={from} to={to} />}
      </div>
    </>
  );
}

function DiffView({ articleId, from, to }: { articleId: string; from: number; to: number }) {
  const { data, error, loading } = useLoad(
    async (signal) => {
      const [diff, a, b] = await Promise.all([
        get<RevisionDiff>(`/api/articles/${articleId}/revisions/${from}/diff/${to}`, signal),
        get<Revision>(`/api/articles/${articleId}/revisions/${from}`, signal),
        get<Revision>(`/api/articles/${articleId}/revisions/${to}`, signal),
      ]);
      return { diff, rows: sideBySide(a.body, b.body, diff.body) };
    },
    [articleId, from, to],
  );
  return (
    <section className="panel diff-panel" aria-labelledby="diff-title">
      <h2 id="diff-title">
        Revision {from} → revision {to}
      </h2>
      <ErrorBox error={error} />
      {loading && !data && <Loading what="Comparing" />}
      {data && (
        <>
          {data.diff.changes.filter((c) => c.field !== 'body').length > 0 ? (
            <table className="table table-compact" data-testid="field-changes">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Revision {from}</th>
                  <th scope="col">Revision {to}</th>
                </tr>
              </thead>
              <tbody>
                {data.diff.changes
                  .filter((c) => c.field !== 'body')
                  .map((c) => (
                    <tr key={c.field}>
                      <th scope="row">{c.field}</th>
                      <td className="diff-removed">{showValue(c.from)}</td>
                      <td className="diff-added">{showValue(c.to)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">No field other than the body changed.</p>
          )}
          <h3>Body</h3>
          {data.diff.body.length === 0 ? (
            <p className="muted">The body is the same.</p>
          ) : (
            <div className="table-wrap">
              <table className="diff-table" data-testid="body-diff">
                <colgroup>
                  <col className="diff-num-col" />
                  <col />
                  <col className="diff-num-col" />
                  <col />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col" colSpan={2}>
                      Revision {from}
                    </th>
                    <th scope="col" colSpan={2}>
                      Revision {to}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((row, i) => (
                    <tr key={i}>
                      <td className="diff-num">{row.left.line ?? ''}</td>
                      <td className={`diff-cell diff-${row.left.kind}`}>
                        {row.left.kind === 'removed' && <span className="sr-only">removed: </span>}
                        {row.left.text}
                      </td>
                      <td className="diff-num">{row.right.line ?? ''}</td>
                      <td className={`diff-cell diff-${row.right.kind}`}>
                        {row.right.kind === 'added' && <span className="sr-only">added: </span>}
                        {row.right.text}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
