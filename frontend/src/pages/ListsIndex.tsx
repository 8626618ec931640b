import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { get, request } from '../lib/api';
import { formatDateTime, slugify } from '../lib/format';
import type { FeaturedList, Page } from '../lib/types';
import { fieldErrors, messageOf, ApiError } from '../problem';
import { abilities, useUser } from '../session';
import { ErrorBox, Field, Loading, PageHeader, useLoad } from '../ui/common';
import { Dialog } from '../ui/Dialog';
import { useToast } from '../ui/Toasts';

export function ListsIndex() {
  const can = abilities(useUser());
  const { data, error, loading, reload } = useLoad((signal) => get<Page<FeaturedList>>('/api/lists', signal), []);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader title="Featured lists" subtitle="Hand-curated rails of published stories. Edit the draft, then publish it now or at a time.">
        {can.curates && (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            New list
          </button>
        )}
      </PageHeader>
      {!can.curates && (
        <p className="muted" data-testid="read-only-reason">
          You can look at the lists, their drafts and what is live; only curators (and admins) create, edit and publish them.
        </p>
      )}
      <ErrorBox error={error} onRetry={reload} />
      {loading && !data && <Loading what="Loading lists" />}
      {data && data.items.length === 0 && <p className="muted">No list yet.{can.curates ? ' Create the first one.' : ''}</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">List</th>
                <th scope="col">Draft</th>
                <th scope="col">Live</th>
                <th scope="col">Scheduled</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((l) => (
                <tr key={l.slug}>
                  <td>
                    <Link className="strong-link" to={`/lists/${l.slug}`}>
                      {l.title}
                    </Link>
                    <div className="muted small">{l.slug}</div>
                  </td>
                  <td>
                    {l.draftItems} of {l.maxItems} items
                  </td>
                  <td>{l.liveRevision ? `Revision ${l.liveRevision}, ${formatDateTime(l.publishedAt)}` : <span className="muted">Not published</span>}</td>
                  <td>{l.scheduledPublishAt ? formatDateTime(l.scheduledPublishAt) : <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating && <CreateListDialog onClose={() => setCreating(false)} />}
    </>
  );
}

function CreateListDialog({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const toast = useToast();
  const [slug, setSlug] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [maxItems, setMaxItems] = useState('6');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSending(true);
    setError(null);
    try {
      const created = await request<FeaturedList>('/api/lists', { method: 'POST', body: { slug: slug.trim(), title: title.trim(), description: description.trim() || null, maxItems: Number(maxItems) } });
      toast.success(`List “${created.data.title}” created`);
      onClose();
      navigate(`/lists/${created.data.slug}`);
    } catch (e) {
      setErrors(e instanceof ApiError ? fieldErrors(e.problem) : {});
      setError(messageOf(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Dialog title="New featured list" onClose={onClose} testId="create-list-dialog">
      <form onSubmit={submit} noValidate>
        <Field label="Title" id="list-title" error={errors.title}>
          <input
            id="list-title"
            value={title}
            required
            autoFocus
            onChange={(e) => {
              setTitle(e.target.value);
              if (!slug || slug === slugify(title)) setSlug(slugify(e.target.value));
            }}
          />
        </Field>
        <Field label="Slug" id="list-slug" error={errors.slug} hint="Lowercase words joined by hyphens, e.g. featured or homepage-top.">
          <input id="list-slug" value={slug} required onChange={(e) => setSlug(e.target.value)} />
        </Field>
        <Field label="Description" id="list-description" error={errors.description}>
          <textarea id="list-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <Field label="Maximum items" id="list-max" error={errors.maxItems}>
          <input id="list-max" type="number" min={1} max={50} value={maxItems} onChange={(e) => setMaxItems(e.target.value)} />
        </Field>
        {error && (
          <p className="field-error" role="alert" style={{ whiteSpace: 'pre-line' }}>
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={sending}>
            {sending ? 'Creating…' : 'Create list'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
