import { useState } from 'react';
import { get, request } from '../lib/api';
import {
  formOf,
  parentChoices,
  reorderRequest,
  sectionFormErrors,
  sectionRequest,
  sectionTree,
  stepPosition,
  type Section,
  type SectionForm,
  type SectionNode,
} from '../lib/sections';
import { slugify } from '../lib/format';
import { ApiError, messageOf } from '../problem';
import { abilities, useUser } from '../session';
import { ErrorBox, Field, Loading, PageHeader, useLoad } from '../ui/common';
import { Dialog } from '../ui/Dialog';
import { useToast } from '../ui/Toasts';

interface SectionList {
  items: Section[];
  total: number;
}

/** What the dialog edits: a new section (under `parentId`) or an existing one. */
type Editing = { section: Section | null; parentId: string };

/** The section tree: editors and admins create, rename, move, reorder and delete; everyone else reads it. */
export function Sections() {
  const can = abilities(useUser());
  const toast = useToast();
  const { data, error, loading, reload } = useLoad((signal) => get<SectionList>('/api/sections', signal), []);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<Section | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const items = data?.items ?? [];

  const move = async (section: Section, step: -1 | 1) => {
    const position = stepPosition(items, section, step);
    if (position === null) return;
    setActionError(null);
    try {
      await request<Section>(`/api/sections/${section.id}`, { method: 'PUT', body: reorderRequest(section, position), ifMatch: section.version });
      reload();
    } catch (e) {
      setActionError(messageOf(e));
      reload();
    }
  };

  const renderNodes = (nodes: SectionNode[]) => (
    <ul className="section-tree">
      {nodes.map((node) => (
        <li key={node.id} data-testid={`section-${node.slug}`}>
          <div className="section-row">
            <div className="section-names">
              <span className="strong">{node.name}</span> <span className="muted small">/{node.path.join('/')}</span>
              {node.description && <div className="muted small">{node.description}</div>}
            </div>
            {can.edits && (
              <div className="section-actions">
                <button type="button" className="button button-quiet" aria-label={`Move ${node.name} up`} disabled={stepPosition(items, node, -1) === null} onClick={() => void move(node, -1)}>
                  ↑
                </button>
                <button type="button" className="button button-quiet" aria-label={`Move ${node.name} down`} disabled={stepPosition(items, node, 1) === null} onClick={() => void move(node, 1)}>
                  ↓
                </button>
                <button type="button" className="button" data-testid={`edit-${node.slug}`} onClick={() => setEditing({ section: node, parentId: node.parentId ?? '' })}>
                  Edit
                </button>
                <button type="button" className="button" data-testid={`add-under-${node.slug}`} onClick={() => setEditing({ section: null, parentId: node.id })}>
                  Add subsection
                </button>
                <button type="button" className="button button-danger" data-testid={`delete-${node.slug}`} onClick={() => setDeleting(node)}>
                  Delete
                </button>
              </div>
            )}
          </div>
          {node.children.length > 0 && renderNodes(node.children)}
        </li>
      ))}
    </ul>
  );

  return (
    <>
      <PageHeader title="Sections" subtitle="The site's hierarchy: every article has one section (and may appear in others). Renamed sections keep their old address working for readers.">
        {can.edits && (
          <button type="button" className="button button-primary" data-testid="new-section" onClick={() => setEditing({ section: null, parentId: '' })}>
            New section
          </button>
        )}
      </PageHeader>
      {!can.edits && (
        <p className="muted" data-testid="read-only-reason">
          You can see the sections; only editors and admins change them.
        </p>
      )}
      <ErrorBox error={error} onRetry={reload} />
      {actionError && (
        <p className="field-error" role="alert" data-testid="section-action-error">
          {actionError}
        </p>
      )}
      {loading && !data && <Loading what="Loading sections" />}
      {data && items.length === 0 && <p className="muted">No section yet.</p>}
      {data && items.length > 0 && renderNodes(sectionTree(items))}
      {editing && (
        <SectionDialog
          items={items}
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            toast.success(created ? `Section “${saved.name}” created` : `Section “${saved.name}” saved`);
            setEditing(null);
            reload();
          }}
        />
      )}
      {deleting && (
        <DeleteDialog
          section={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            toast.success(`Section “${deleting.name}” deleted`);
            setDeleting(null);
            reload();
          }}
        />
      )}
    </>
  );
}

function SectionDialog({ items, editing, onClose, onSaved }: {
  items: Section[];
  editing: Editing;
  onClose: () => void;
  onSaved: (section: Section, created: boolean) => void;
}) {
  const existing = editing.section;
  const [form, setForm] = useState<SectionForm>(() => formOf(existing, editing.parentId));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const edit = (change: Partial<SectionForm>) => setForm((f) => ({ ...f, ...change }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSending(true);
    setMessage(null);
    try {
      const saved = existing
        ? await request<Section>(`/api/sections/${existing.id}`, { method: 'PUT', body: sectionRequest(form), ifMatch: existing.version })
        : await request<Section>('/api/sections', { method: 'POST', body: sectionRequest(form) });
      onSaved(saved.data, !existing);
    } catch (e) {
      const split = sectionFormErrors(e instanceof ApiError ? e.problem : undefined, messageOf(e));
      setErrors(split.fields);
      setMessage(e instanceof ApiError && e.status === 412 ? messageOf(e) : split.message);
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog title={existing ? `Edit section “${existing.name}”` : 'New section'} onClose={onClose} testId="section-dialog">
      <form onSubmit={submit} noValidate>
        <Field label="Name" id="section-name" error={errors.name}>
          <input
            id="section-name"
            value={form.name}
            required
            autoFocus
            maxLength={100}
            onChange={(e) => edit({ name: e.target.value, ...(!existing && (!form.slug || form.slug === slugify(form.name)) ? { slug: slugify(e.target.value) } : {}) })}
          />
        </Field>
        <Field label="Address (slug)" id="section-slug" error={errors.slug} hint={existing ? 'Changing it keeps the old address working for readers.' : 'Lowercase words joined by hyphens; derived from the name when empty.'}>
          <input id="section-slug" value={form.slug} maxLength={80} onChange={(e) => edit({ slug: e.target.value })} />
        </Field>
        <Field label="Parent section" id="section-parent" error={errors.parentId}>
          <select id="section-parent" value={form.parentId} onChange={(e) => edit({ parentId: e.target.value })}>
            {parentChoices(items, existing?.id ?? null).map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Description" id="section-description" error={errors.description}>
          <textarea id="section-description" rows={2} maxLength={500} value={form.description} onChange={(e) => edit({ description: e.target.value })} />
        </Field>
        {message && (
          <p className="field-error" role="alert" data-testid="section-dialog-error">
            {message}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={sending}>
            {sending ? 'Saving…' : existing ? 'Save section' : 'Create section'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function DeleteDialog({ section, onClose, onDeleted }: { section: Section; onClose: () => void; onDeleted: () => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const remove = async () => {
    setSending(true);
    setMessage(null);
    try {
      await request<void>(`/api/sections/${section.id}`, { method: 'DELETE', ifMatch: section.version });
      onDeleted();
    } catch (e) {
      setMessage(messageOf(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Dialog title={`Delete section “${section.name}”?`} onClose={onClose} testId="delete-section-dialog">
      <p>Only a section without subsections and without articles can be deleted.</p>
      {message && (
        <p className="field-error" role="alert" data-testid="delete-section-error">
          {message}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-danger" disabled={sending} onClick={() => void remove()}>
          {sending ? 'Deleting…' : 'Delete section'}
        </button>
      </div>
    </Dialog>
  );
}
