import { useState } from 'react';
import { get, query, request } from '../lib/api';
import { loadAuthorDirectory } from '../lib/authors';
import { xHandle } from '../lib/format';
import type { Author, Page } from '../lib/types';
import { ApiError, messageOf } from '../problem';
import { abilities, useUser } from '../session';
import { ErrorBox, Loading, PageHeader, useDebounced, useLoad } from '../ui/common';
import { Dialog } from '../ui/Dialog';
import { useToast } from '../ui/Toasts';
import { AuthorForm, AuthorFormProblem, valuesOf } from './AuthorForm';

/** Admins manage every author profile: create, edit, deactivate, delete (only never-bylined ones). */
export function Authors() {
  const can = abilities(useUser());
  const toast = useToast();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim(), 250);
  const { data, error, loading, reload } = useLoad((signal) => get<Page<Author>>('/api/authors' + query({ q: debounced, size: 100 }), signal), [debounced]);
  const [editing, setEditing] = useState<{ author: Author | null; version: number | null } | null>(null);

  const open = async (author: Author | null) => {
    if (!author) return setEditing({ author: null, version: null });
    try {
      const fresh = await request<Author>(`/api/authors/${author.id}`);
      setEditing({ author: fresh.data, version: fresh.version });
    } catch (e) {
      toast.error(messageOf(e));
    }
  };
  const remove = async (author: Author) => {
    if (!window.confirm(`Delete ${author.displayName}? This cannot be undone.`)) return;
    try {
      await request(`/api/authors/${author.id}`, { method: 'DELETE', ifMatch: author.version });
      toast.success(`${author.displayName} deleted`);
      reload();
    } catch (e) {
      toast.error(messageOf(e));
    }
  };

  if (!can.admin) {
    return (
      <>
        <PageHeader title="Authors" />
        <p>Only admins manage author profiles. You can edit your own under “My profile”.</p>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Authors" subtitle="Profiles shown in bylines and in “About the Author”.">
        <button type="button" className="button button-primary" onClick={() => void open(null)}>
          New author
        </button>
      </PageHeader>
      <div className="filters">
        <div className="field">
          <label htmlFor="author-q">Search authors</label>
          <input id="author-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Name" />
        </div>
      </div>
      <ErrorBox error={error} onRetry={reload} />
      {loading && !data && <Loading what="Loading authors" />}
      {data && data.items.length === 0 && <p className="muted">No author matches.</p>}
      {data && data.items.length > 0 && (
        <div className="author-cards" data-testid="author-list">
          {data.items.map((a) => (
            <article key={a.id} className={a.active ? 'author-card' : 'author-card author-inactive'}>
              {a.avatar?.url ? <img className="avatar" src={a.avatar.url} alt={a.avatar.alt ?? ''} /> : <div className="avatar image-placeholder" aria-hidden="true" />}
              <div className="grow">
                <h2 className="author-name">{a.displayName}</h2>
                <div className="muted small">
                  {[a.jobTitle, a.organization].filter(Boolean).join(', ') || 'No job title'}
                  {a.social?.x ? ` · ${xHandle(a.social.x)}` : ''}
                </div>
                <div className="small">
                  {a.username ? <span className="badge">login: {a.username}</span> : <span className="badge badge-muted">no login</span>}
                  {!a.active && <span className="badge badge-warn">Deactivated</span>}
                  {a.bylined && <span className="badge">On a byline</span>}
                </div>
              </div>
              <div className="card-actions">
                <button type="button" className="button button-small" onClick={() => void open(a)} aria-label={`Edit ${a.displayName}`}>
                  Edit
                </button>
                {!a.bylined && (
                  <button type="button" className="button button-small button-danger-quiet" onClick={() => void remove(a)} aria-label={`Delete ${a.displayName}`}>
                    Delete
                  </button>
                )}
              </div>
            </article>
          ))}
        </div>
      )}
      {editing && (
        <Dialog title={editing.author ? `Edit ${editing.author.displayName}` : 'New author'} onClose={() => setEditing(null)} wide testId="author-dialog">
          <AuthorForm
            key={editing.version ?? 'new'}
            admin
            initial={valuesOf(editing.author)}
            submitLabel={editing.author ? 'Save author' : 'Create author'}
            onCancel={() => setEditing(null)}
            onSubmit={async (body) => {
              try {
                if (editing.author) await request(`/api/authors/${editing.author.id}`, { method: 'PUT', body, ifMatch: editing.version });
                else await request('/api/authors', { method: 'POST', body });
              } catch (e) {
                if (e instanceof ApiError && e.status === 412) {
                  const author = editing.author;
                  throw new AuthorFormProblem('Someone else changed this profile while you were editing, so your changes are not saved. Load their version, then make your change again.', {
                    label: 'Load their version',
                    run: () => void open(author),
                  });
                }
                throw e;
              }
              toast.success(editing.author ? 'Author saved' : 'Author created');
              setEditing(null);
              void loadAuthorDirectory(true).catch(() => undefined);
              reload();
            }}
          />
        </Dialog>
      )}
    </>
  );
}
