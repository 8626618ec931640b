import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { get, query } from '../lib/api';
import { useAuthorDirectory } from '../lib/authors';
import { attentionFor, type AttentionView, type DashboardArticle } from '../lib/dashboard';
import { formatDateTime, formatShort } from '../lib/format';
import { sectionOptions, type Section } from '../lib/sections';
import { STATUSES, type Page } from '../lib/types';
import { STATUS_LABELS } from '../lib/workflow';
import { abilities, useUser } from '../session';
import { ArticleStateBadge, ErrorBox, Loading, PageHeader, useDebounced, useLoad } from '../ui/common';

const ATTENTION_SHOWN = 5;

function DashboardStatus({ article }: { article: DashboardArticle }) {
  return (
    <>
      <ArticleStateBadge article={article} />
      {article.embargoedUntil && (
        <span className="badge badge-embargo" data-testid="embargo-badge" title={`Embargoed until ${formatDateTime(article.embargoedUntil)}: only the people and roles it names can open it`}>
          Embargoed until {formatShort(article.embargoedUntil)}
        </span>
      )}
    </>
  );
}

/** "Needs your attention": what this person should act on first, above everything else. */
function NeedsAttention({ view, onShowAll }: { view: AttentionView; onShowAll: () => void }) {
  const { data, error } = useLoad((signal) => get<Page<DashboardArticle>>('/api/articles' + query({ ...view.params, size: 50 }), signal), [view.title]);
  if (error || !data) return null;
  const items = view.select(data.items);
  return (
    <section className="attention" aria-labelledby="attention-title" data-testid="needs-attention">
      <h2 id="attention-title" className="attention-title">
        Needs your attention <span className="muted attention-sub">· {view.title}</span>
      </h2>
      {items.length === 0 ? (
        <p className="muted small attention-empty">{view.empty}</p>
      ) : (
        <ul className="attention-list">
          {items.slice(0, ATTENTION_SHOWN).map((a) => (
            <li key={a.id}>
              <Link to={`/articles/${a.id}`} className="strong-link">
                {a.headline}
              </Link>
              <span className="attention-meta">
                <DashboardStatus article={a} /> <span className="muted small">by {a.owner} · {formatShort(a.updatedAt)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {items.length > ATTENTION_SHOWN && (
        <button type="button" className="button button-small" onClick={onShowAll}>
          Show all {items.length}
        </button>
      )}
    </section>
  );
}

const PAGE_SIZE = 20;

/** Articles by status, "mine" and "all", with search and filters kept in the URL (so they survive a reload). */
export function Dashboard() {
  const user = useUser();
  const can = abilities(user);
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') ?? (user.roles.includes('writer') && !can.edits ? 'mine' : 'all');
  const status = params.get('status') ?? '';
  const author = params.get('author') ?? '';
  const tag = params.get('tag') ?? '';
  const section = params.get('section') ?? '';
  const page = Number(params.get('page') ?? '0');
  const [q, setQ] = useState(params.get('q') ?? '');
  const debouncedQ = useDebounced(q.trim(), 300);
  const authors = useAuthorDirectory();
  const sections = useLoad((signal) => get<{ items: Section[] }>('/api/sections', signal), []).data?.items ?? [];
  const attention = attentionFor(user.roles);

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };

  const { data, error, loading, reload } = useLoad(
    (signal) =>
      get<Page<DashboardArticle>>(
        '/api/articles' + query({ mine: scope === 'mine', assignee: scope === 'assigned' ? 'me' : undefined, status, author, tag, section, q: debouncedQ, sort: debouncedQ ? 'relevance' : '-updated', page, size: PAGE_SIZE }),
        signal,
      ),
    [scope, status, author, tag, section, debouncedQ, page],
  );
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <PageHeader title="Dashboard" subtitle="Articles by status. Open one to edit it, review it or move it along the workflow.">
        {can.writesArticles && (
          <Link className="button button-primary" to="/articles/new">
            New article
          </Link>
        )}
      </PageHeader>

      {attention && (
        <NeedsAttention
          view={attention}
          onShowAll={() => {
            setQ('');
            setParams(new URLSearchParams(attention.filter), { replace: true });
          }}
        />
      )}

      <div className="tabs" role="tablist" aria-label="Whose articles">
        {[
          ['mine', 'Mine'],
          // only editors and admins are assigned articles to review
          ...(can.edits ? [['assigned', 'Assigned to me']] : []),
          ['all', 'All articles'],
        ].map(([value, label]) => (
          <button key={value} type="button" role="tab" aria-selected={scope === value} className={scope === value ? 'tab tab-active' : 'tab'} onClick={() => set('scope', value)} data-testid={`scope-${value}`}>
            {label}
          </button>
        ))}
      </div>

      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="f-q">Search</label>
          <input
            id="f-q"
            type="search"
            value={q}
            placeholder="Headline, dek or body"
            onChange={(e) => {
              setQ(e.target.value);
              set('q', e.target.value.trim());
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="f-status">Status</label>
          <select id="f-status" value={status} onChange={(e) => set('status', e.target.value)}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-author">Author</label>
          <select id="f-author" value={author} onChange={(e) => set('author', e.target.value)}>
            <option value="">Any author</option>
            {[...authors.values()]
              .sort((a, b) => a.displayName.localeCompare(b.displayName))
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {a.displayName}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-section">Section</label>
          {/* A section includes its subsections, as on the site's section fronts. */}
          <select id="f-section" value={section} onChange={(e) => set('section', e.target.value)}>
            <option value="">Any section</option>
            {sectionOptions(sections).map((o) => (
              <option key={o.id} value={sections.find((s) => s.id === o.id)?.slug ?? ''}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-tag">Tag</label>
          <input id="f-tag" list="f-tag-options" value={tag} placeholder="e.g. technology" onChange={(e) => set('tag', e.target.value.trim())} />
          <datalist id="f-tag-options">
            {[...new Set(data?.items.flatMap((a) => a.tags) ?? [])].sort().map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </div>
      </form>

      <ErrorBox error={error} onRetry={reload} />
      {loading && !data && <Loading what="Loading articles" />}
      {data && (
        <>
          <p className="muted" aria-live="polite">
            {data.total === 0 ? 'No articles match.' : `${data.total} article${data.total === 1 ? '' : 's'}`}
            {loading && ' · updating…'}
          </p>
          {data.items.length > 0 && (
            <div className="table-wrap">
              <table className="table table-articles" data-testid="article-table">
                <colgroup>
                  <col className="col-headline" />
                  <col className="col-status" />
                  <col className="col-byline" />
                  <col className="col-tags hide-narrow" />
                  <col className="col-updated" />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col">Headline</th>
                    <th scope="col">Status</th>
                    <th scope="col">Byline</th>
                    <th scope="col" className="hide-narrow">Tags</th>
                    <th scope="col" className="col-updated">Updated</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((a) => (
                    <tr key={a.id}>
                      <td className="cell-headline">
                        <Link to={`/articles/${a.id}`} className="strong-link">
                          {a.headline}
                        </Link>
                        <div className="muted small">
                          by {a.owner}
                          {a.assignee && <span data-testid="assignee-cell"> · reviewer {a.assignee}</span>}
                        </div>
                      </td>
                      <td data-testid="status-cell">
                        <DashboardStatus article={a} />
                      </td>
                      <td>{a.byline.map((id) => authors.get(id)?.displayName ?? '…').join(', ') || <span className="muted">—</span>}</td>
                      <td className="hide-narrow cell-tags">
                        {/* Not Tab stops: a keyboard reaches the next row in one press and filters by tag in the Tag field. */}
                        {a.tags.map((t) => (
                          <button key={t} type="button" tabIndex={-1} className="chip chip-button" onClick={() => set('tag', t)} title={`Show only articles tagged “${t}”`}>
                            {t}
                          </button>
                        ))}
                      </td>
                      <td className="col-updated">
                        <time dateTime={a.updatedAt} title={formatDateTime(a.updatedAt)}>
                          {formatShort(a.updatedAt)}
                        </time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 && (
            <nav className="pager" aria-label="Pages">
              <button type="button" className="button" disabled={page <= 0} onClick={() => set('page', String(page - 1))}>
                Previous
              </button>
              <span>
                Page {page + 1} of {pages}
              </span>
              <button type="button" className="button" disabled={page + 1 >= pages} onClick={() => set('page', String(page + 1))}>
                Next
              </button>
            </nav>
          )}
        </>
      )}
    </>
  );
}
