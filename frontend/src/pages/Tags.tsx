import { useState } from 'react';
import { get, request } from '../lib/api';
import { formOf, mergeSummary, tagFormErrors, tagRequest, tagsQuery, type Tag, type TagForm, type TagList } from '../lib/tags';
import { ApiError, messageOf } from '../problem';
import { abilities, useUser } from '../session';
import { ErrorBox, Field, Loading, PageHeader, useDebounced, useLoad } from '../ui/common';
import { Dialog } from '../ui/Dialog';
import { useToast } from '../ui/Toasts';

const PAGE = 50;

/** The tag registry: everyone searches it; editors and admins rename, describe, merge and delete tags. */
export function Tags() {
  const can = abilities(useUser());
  const toast = useToast();
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const search = useDebounced(q, 250);
  const { data, error, loading, reload } = useLoad((signal) => get<TagList>('/api/tags' + tagsQuery(search, offset, PAGE), signal), [search, offset]);
  const [editing, setEditing] = useState<Tag | 'new' | null>(null);
  const [merging, setMerging] = useState<Tag | null>(null);
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const items = data?.items ?? [];
  const total = data?.total ?? 0;

  return (
    <>
      <PageHeader title="Tags" subtitle="The words articles are tagged with. Renamed and merged tags keep their old addresses working for readers.">
        {can.edits && (
          <button type="button" className="button button-primary" data-testid="new-tag" onClick={() => setEditing('new')}>
            New tag
          </button>
        )}
      </PageHeader>
      {!can.edits && (
        <p className="muted" data-testid="read-only-reason">
          You can see the tags; only editors and admins change them.
        </p>
      )}
      <div className="field">
        <label htmlFor="tag-search">Find a tag</label>
        <input
          id="tag-search"
          type="search"
          value={q}
          maxLength={60}
          placeholder="Start of a name"
          onChange={(e) => {
            setQ(e.target.value);
            setOffset(0);
          }}
        />
      </div>
      <ErrorBox error={error} onRetry={reload} />
      {loading && !data && <Loading what="Loading tags" />}
      {data && items.length === 0 && <p className="muted">{search.trim() ? 'No tag starts with this.' : 'No tag yet.'}</p>}
      {items.length > 0 && (
        <table className="table" data-testid="tag-table">
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col">Articles</th>
              {can.edits && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((tag) => (
              <tr key={tag.id} data-testid={`tag-${tag.slug}`}>
                <td>
                  <span className="strong">{tag.name}</span> <span className="muted small">/{tag.slug}</span>
                  {tag.description && <div className="muted small">{tag.description}</div>}
                  {tag.aliases.length > 0 && <div className="muted small">Also reached as: {tag.aliases.join(', ')}</div>}
                </td>
                <td>{tag.articles}</td>
                {can.edits && (
                  <td className="section-actions">
                    <button type="button" className="button" data-testid={`edit-${tag.slug}`} onClick={() => setEditing(tag)}>
                      Edit
                    </button>
                    <button type="button" className="button" data-testid={`merge-${tag.slug}`} onClick={() => setMerging(tag)}>
                      Merge…
                    </button>
                    <button type="button" className="button button-danger" data-testid={`delete-${tag.slug}`} onClick={() => setDeleting(tag)}>
                      Delete
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > PAGE && (
        <div className="pager">
          <button type="button" className="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Previous
          </button>
          <span className="muted small">
            {offset + 1}–{Math.min(offset + PAGE, total)} of {total}
          </span>
          <button type="button" className="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            Next
          </button>
        </div>
      )}
      {editing && (
        <TagDialog
          tag={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            toast.success(created ? `Tag “${saved.name}” created` : `Tag “${saved.name}” saved`);
            setEditing(null);
            reload();
          }}
        />
      )}
      {merging && (
        <MergeDialog
          source={merging}
          onClose={() => setMerging(null)}
          onMerged={(target) => {
            toast.success(`“${merging.name}” merged into “${target.name}”`);
            setMerging(null);
            reload();
          }}
        />
      )}
      {deleting && (
        <DeleteDialog
          tag={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            toast.success(`Tag “${deleting.name}” deleted`);
            setDeleting(null);
            reload();
          }}
        />
      )}
    </>
  );
}

function TagDialog({ tag, onClose, onSaved }: { tag: Tag | null; onClose: () => void; onSaved: (tag: Tag, created: boolean) => void }) {
  const [form, setForm] = useState<TagForm>(() => formOf(tag));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const edit = (change: Partial<TagForm>) => setForm((f) => ({ ...f, ...change }));
  const renamesArticles = tag !== null && form.name.trim().toLowerCase() !== tag.name && tag.articles > 0;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSending(true);
    setMessage(null);
    try {
      const saved = tag
        ? await request<Tag>(`/api/tags/${tag.slug}`, { method: 'PUT', body: tagRequest(form), ifMatch: tag.version })
        : await request<Tag>('/api/tags', { method: 'POST', body: tagRequest(form) });
      onSaved(saved.data, !tag);
    } catch (e) {
      const split = tagFormErrors(e instanceof ApiError ? e.problem : undefined, messageOf(e));
      setErrors(split.fields);
      setMessage(e instanceof ApiError && e.status === 412 ? messageOf(e) : split.message);
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog title={tag ? `Edit tag “${tag.name}”` : 'New tag'} onClose={onClose} testId="tag-dialog">
      <form onSubmit={submit} noValidate>
        <Field
          label="Name"
          id="tag-name"
          error={errors.name}
          hint={renamesArticles ? `The ${tag?.articles} articles with this tag will carry the new name, published ones included.` : 'The word articles carry, saved in lowercase.'}
        >
          <input id="tag-name" value={form.name} required autoFocus maxLength={60} onChange={(e) => edit({ name: e.target.value })} />
        </Field>
        <Field label="Address (slug)" id="tag-slug" error={errors.slug} hint={tag ? 'Changing it keeps the old address working for readers.' : 'Lowercase words joined by hyphens; derived from the name when empty.'}>
          <input id="tag-slug" value={form.slug} maxLength={80} onChange={(e) => edit({ slug: e.target.value })} />
        </Field>
        <Field label="Description" id="tag-description" error={errors.description} hint="Shown to readers on the tag's page.">
          <textarea id="tag-description" rows={3} maxLength={500} value={form.description} onChange={(e) => edit({ description: e.target.value })} />
        </Field>
        {message && (
          <p className="field-error" role="alert" data-testid="tag-dialog-error">
            {message}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={sending}>
            {sending ? 'Saving…' : tag ? 'Save tag' : 'Create tag'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Picks the tag to merge into (searched by name), then asks for a confirmation that says what will happen. */
function MergeDialog({ source, onClose, onMerged }: { source: Tag; onClose: () => void; onMerged: (target: Tag) => void }) {
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim(), 250);
  const { data } = useLoad((signal) => (search ? get<TagList>('/api/tags' + tagsQuery(search, 0, 8), signal) : Promise.resolve({ items: [], total: 0 })), [search]);
  const [target, setTarget] = useState<Tag | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const candidates = (data?.items ?? []).filter((t) => t.id !== source.id);

  const merge = async () => {
    if (!target) return;
    setSending(true);
    setError(null);
    setMessage(null);
    try {
      const merged = await request<Tag>(`/api/tags/${source.slug}/merge`, { method: 'POST', body: { into: target.slug }, ifMatch: source.version });
      onMerged(merged.data);
    } catch (e) {
      const split = tagFormErrors(e instanceof ApiError ? e.problem : undefined, messageOf(e));
      setError(split.fields.into ?? null);
      setMessage(e instanceof ApiError && e.status === 412 ? messageOf(e) : split.message);
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog title={`Merge tag “${source.name}”`} onClose={onClose} testId="merge-tag-dialog">
      {!target ? (
        <>
          <Field label="Merge into" id="merge-into" error={error ?? undefined} hint="Start typing the name of the tag to keep.">
            <input id="merge-into" type="search" value={q} autoFocus maxLength={60} onChange={(e) => setQ(e.target.value)} />
          </Field>
          {search && candidates.length === 0 && <p className="muted small">No other tag starts with this.</p>}
          <ul className="picker-results" data-testid="merge-candidates">
            {candidates.map((t) => (
              <li key={t.id}>
                <button type="button" className="picker-option" onClick={() => setTarget(t)}>
                  {t.name} <span className="muted small">({t.articles})</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </>
      ) : (
        <>
          <p data-testid="merge-summary">{mergeSummary(source, target)}</p>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          {message && (
            <p className="field-error" role="alert" data-testid="merge-tag-error">
              {message}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setTarget(null)}>
              Back
            </button>
            <button type="button" className="button button-danger" data-testid="confirm-merge" disabled={sending} onClick={() => void merge()}>
              {sending ? 'Merging…' : `Merge into “${target.name}”`}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

function DeleteDialog({ tag, onClose, onDeleted }: { tag: Tag; onClose: () => void; onDeleted: () => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const remove = async () => {
    setSending(true);
    setMessage(null);
    try {
      await request<void>(`/api/tags/${tag.slug}`, { method: 'DELETE', ifMatch: tag.version });
      onDeleted();
    } catch (e) {
      setMessage(messageOf(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Dialog title={`Delete tag “${tag.name}”?`} onClose={onClose} testId="delete-tag-dialog">
      <p>Only a tag no article carries can be deleted. To retire a tag in use, merge it into another.</p>
      {message && (
        <p className="field-error" role="alert" data-testid="delete-tag-error">
          {message}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-danger" disabled={sending} onClick={() => void remove()}>
          {sending ? 'Deleting…' : 'Delete tag'}
        </button>
      </div>
    </Dialog>
  );
}
