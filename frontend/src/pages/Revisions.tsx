import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { get, request } from '../lib/api';
import { useAuthorDirectory } from '../lib/authors';
import { fieldRows, sideBySide, type DiffCell, type WordPart } from '../lib/diff';
import { formatShort } from '../lib/format';
import type { Article, Revision, RevisionDiff, RevisionStep, RevisionSummary } from '../lib/types';
import { mayEdit } from '../lib/articleForm';
import { ApiError, messageOf } from '../problem';
import { useUser } from '../session';
import { Dialog } from '../ui/Dialog';
import { ErrorBox, Loading, PageHeader, useLoad } from '../ui/common';
import { useToast } from '../ui/Toasts';

const STEP_WORDS: Record<string, string> = {
  create: 'created',
  submit: 'submitted for review',
  request_changes: 'changes requested',
  approve: 'approved',
  publish: 'published',
  schedule: 'scheduled',
  unschedule: 'schedule cancelled',
  unpublish: 'unpublished',
  schedule_unpublish: 'unpublish scheduled',
  unschedule_unpublish: 'unpublish time cleared',
  embargo: 'embargoed',
  change_embargo: 'embargo changed',
  lift_embargo: 'embargo lifted',
  scheduled_publish: 'published on schedule',
  scheduled_unpublish: 'unpublished on schedule',
  archive: 'archived',
  edit: 'back in the workflow after an edit',
};

/** "created by erin", "submitted for review" (the actor named when not the revision's author); restores have their note. */
function stepWords(step: RevisionStep, author: string): string | null {
  if (step.action === 'restore') return null;
  const words = STEP_WORDS[step.action] ?? step.action.replace(/_/g, ' ');
  return step.actor === author ? words : `${words} by ${step.actor}`;
}

/** "Nov 30, 10:10 AM–10:24 AM" for one session; one time when it was one save. */
function sessionTime(r: RevisionSummary): string {
  const start = formatShort(r.createdAt);
  if (!r.updatedAt || r.updatedAt === r.createdAt) return start;
  const from = new Date(r.createdAt);
  const to = new Date(r.updatedAt);
  const end =
    from.toDateString() === to.toDateString()
      ? to.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' })
      : formatShort(r.updatedAt);
  return start.endsWith(end) ? start : `${start}–${end}`;
}

/** Revisions are editing sessions; two of them side by side, word by word; restore an old one after a confirmation. */
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
  const [confirm, setConfirm] = useState<number | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [restoreError, setRestoreError] = useState<string | null>(null);

  useEffect(() => {
    if (!data || data.revisions.length === 0) return;
    const newest = data.revisions[0].number;
    setTo((t) => t ?? newest);
    setFrom((f) => f ?? (data.revisions[1]?.number ?? newest));
  }, [data]);

  const askRestore = (n: number) => {
    setRestoreError(null);
    setConfirm(n);
  };

  const restore = async (n: number) => {
    if (!data) return;
    setRestoring(true);
    setRestoreError(null);
    try {
      await request(`/api/articles/${id}/revisions/${n}/restore`, { method: 'POST', ifMatch: data.version });
      toast.success(`Revision ${n} restored as a new working revision`);
      setConfirm(null);
      setFrom(null);
      setTo(null);
      reload();
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setRestoreError(
          'This article changed since you opened this page: someone saved it or moved it on in the workflow. ' +
            'The list below now shows the latest revisions; look again, then restore if you still want to.',
        );
        reload();
      } else {
        setRestoreError(messageOf(e));
      }
    } finally {
      setRestoring(false);
    }
  };

  if (error) return <ErrorBox error={error} onRetry={reload} />;
  if (loading && !data) return <Loading what="Loading revisions" />;
  if (!data) return null;
  const editable = mayEdit(data.article, user);
  const working = data.article.workingRevision;
  return (
    <>
      <PageHeader
        title={`Revisions: ${data.article.headline}`}
        subtitle="A revision is one editing session: one person's saves until a long pause, a workflow step or a restore. Compare two, or restore an old one (it becomes a new revision; nothing is deleted)."
      >
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
                <th scope="col">Session</th>
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
              {data.revisions.map((r) => {
                const notes = [r.note, ...(r.steps ?? []).map((s) => stepWords(s, r.author))].filter((n): n is string => !!n);
                const saves = r.saves ?? 1;
                return (
                  <tr key={r.number} data-testid={`revision-${r.number}`}>
                    <td>
                      <strong>{r.number}</strong>
                      <div>
                        {r.live && <span className="badge badge-live">Live</span>}
                        {r.working && <span className="badge">Working</span>}
                      </div>
                    </td>
                    <td className="revisions-session">
                      <div>{sessionTime(r)}</div>
                      <div className="muted small">
                        {r.author} · {saves === 1 ? '1 save' : `${saves} saves`}
                      </div>
                      {notes.length > 0 && (
                        <ul className="revisions-notes small">
                          {notes.map((n, k) => (
                            <li key={k}>{n}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      <input type="radio" name="from" aria-label={`Compare from revision ${r.number}`} checked={from === r.number} onChange={() => setFrom(r.number)} />
                    </td>
                    <td>
                      <input type="radio" name="to" aria-label={`Compare to revision ${r.number}`} checked={to === r.number} onChange={() => setTo(r.number)} />
                    </td>
                    <td>
                      {editable && !r.working && (
                        <button type="button" className="button button-small" disabled={restoring} onClick={() => askRestore(r.number)}>
                          Restore…
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        {/* keyed by the article's version: the working revision's content changes while its session is open */}
        {from !== null && to !== null && <DiffView key={data.version ?? 0} articleId={id!} from={from} to={to} />}
      </div>
      {confirm !== null && (
        <Dialog title={`Restore revision ${confirm}?`} onClose={() => !restoring && setConfirm(null)} testId="restore-dialog">
          <p>
            Revision {confirm} becomes a new working revision (revision {working + 1}); nothing is deleted. The current working revision {working} and every
            other revision stay in this list, so you can restore them later.
          </p>
          {data.article.live && (
            <p className="muted">
              Readers keep seeing the live revision {data.article.liveRevision} until the article is published again.
            </p>
          )}
          {restoreError && (
            <p className="error-box" role="alert" data-testid="restore-error">
              {restoreError}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirm(null)} disabled={restoring}>
              Cancel
            </button>
            <button type="button" className="button button-primary" onClick={() => void restore(confirm)} disabled={restoring} data-testid="confirm-restore">
              {restoring ? 'Restoring…' : `Restore revision ${confirm}`}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}

/** Text with the changed words marked: <del> on the old side, <ins> on the new one. */
function Words({ parts, side }: { parts: WordPart[]; side: 'removed' | 'added' }) {
  const Mark = side === 'removed' ? 'del' : 'ins';
  return (
    <>
      {parts.map((p, k) =>
        p.changed ? (
          <Mark key={k} className={`diff-word diff-word-${side}`}>
            {p.text}
          </Mark>
        ) : (
          <span key={k}>{p.text}</span>
        ),
      )}
    </>
  );
}

function Cell({ cell }: { cell: DiffCell }) {
  if (cell.kind === 'removed' || cell.kind === 'added') {
    return (
      <td className={`diff-cell diff-${cell.kind}`}>
        <span className="sr-only">{cell.kind}: </span>
        {cell.parts ? <Words parts={cell.parts} side={cell.kind} /> : cell.text}
      </td>
    );
  }
  return <td className={`diff-cell diff-${cell.kind}`}>{cell.text}</td>;
}

function DiffView({ articleId, from, to }: { articleId: string; from: number; to: number }) {
  const authors = useAuthorDirectory();
  const { data, error, loading } = useLoad(
    async (signal) => {
      const [diff, a, b] = await Promise.all([
        get<RevisionDiff>(`/api/articles/${articleId}/revisions/${from}/diff/${to}`, signal),
        get<Revision>(`/api/articles/${articleId}/revisions/${from}`, signal),
        get<Revision>(`/api/articles/${articleId}/revisions/${to}`, signal),
      ]);
      return { diff, a, b, rows: sideBySide(a.body, b.body, diff.body) };
    },
    [articleId, from, to],
  );
  const name = (authorId: string) => authors.get(authorId)?.displayName ?? 'an author no longer listed';
  const fields = data ? fieldRows(data.a, data.b, name) : [];
  return (
    <section className="panel diff-panel" aria-labelledby="diff-title">
      <h2 id="diff-title">
        Revision {from} → revision {to}
      </h2>
      <ErrorBox error={error} />
      {loading && !data && <Loading what="Comparing" />}
      {data && (
        <>
          {fields.length > 0 ? (
            <table className="table table-compact diff-fields" data-testid="field-changes">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Revision {from}</th>
                  <th scope="col">Revision {to}</th>
                </tr>
              </thead>
              <tbody>
                {fields.map((f) => (
                  <tr key={f.field} data-testid={`field-change-${f.field}`}>
                    <th scope="row">
                      {f.label}
                      {f.note && `: ${f.note}`}
                    </th>
                    <td className="diff-removed diff-value">{f.from ? <Words parts={f.left} side="removed" /> : <span className="muted">none</span>}</td>
                    <td className="diff-added diff-value">{f.to ? <Words parts={f.right} side="added" /> : <span className="muted">none</span>}</td>
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
            <div className="diff-wrap">
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
                      <Cell cell={row.left} />
                      <td className="diff-num">{row.right.line ?? ''}</td>
                      <Cell cell={row.right} />
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
