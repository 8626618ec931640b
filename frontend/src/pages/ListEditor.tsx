import Sortable from 'sortablejs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { get, query, request, type Versioned } from '../lib/api';
import { formatDateTime, fromLocalInput, toLocalInput } from '../lib/format';
import { inWindow, overridesFrom, railView, type ArticleCard } from '../lib/listItems';
import { keyboardMoveTarget, moveAnnouncement, moveItem } from '../lib/reorder';
import type { Article, ArticleSummary, AuditEntry, Draft, FeaturedList, ListItem, Page, ResolvedList, Revision } from '../lib/types';
import { ApiError, fieldErrors, messageOf } from '../problem';
import { abilities, useUser } from '../session';
import { ErrorBox, Field, Loading, PageHeader, useDebounced, useLoad } from '../ui/common';
import { Dialog } from '../ui/Dialog';
import { RailCard } from '../ui/RailCard';
import { useToast } from '../ui/Toasts';

/** The article as the rail shows it: its live revision's headline, dek and image (the working copy may differ). */
async function loadCard(id: string): Promise<ArticleCard> {
  const article = await get<Article>(`/api/articles/${id}`);
  let content: { slug?: string | null; headline: string; dek?: string | null; heroImage?: Article['heroImage'] } = article;
  if (article.liveRevision && article.liveRevision !== article.workingRevision) {
    content = await get<Revision>(`/api/articles/${id}/revisions/${article.liveRevision}`).catch(() => article);
  }
  return { id, slug: content.slug ?? article.slug, headline: content.headline, dek: content.dek, heroImage: content.heroImage, live: article.live };
}

export function ListEditor() {
  const { slug } = useParams();
  const can = abilities(useUser());
  const toast = useToast();
  const [list, setList] = useState<Versioned<FeaturedList> | null>(null);
  const [draft, setDraft] = useState<Versioned<Draft> | null>(null);
  const [cards, setCards] = useState<Map<string, ArticleCard>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [tab, setTab] = useState<'draft' | 'live'>('draft');
  const [announcement, setAnnouncement] = useState('');
  const [editing, setEditing] = useState<ListItem | null>(null);
  const [busy, setBusy] = useState(false);
  const [auditTick, setAuditTick] = useState(0);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const editable = can.curates;

  const load = useCallback(async () => {
    setError(null);
    try {
      const [meta, d] = await Promise.all([request<FeaturedList>(`/api/lists/${slug}`), request<Draft>(`/api/lists/${slug}/draft`)]);
      setList(meta);
      setDraft(d);
    } catch (e) {
      setError(e);
    }
  }, [slug]);
  useEffect(() => {
    void load();
  }, [load]);

  // Article data for every item not yet known.
  useEffect(() => {
    const missing = (draft?.data.items ?? []).map((i) => i.articleId).filter((id) => !cards.has(id));
    if (missing.length === 0) return;
    Promise.all(missing.map((id) => loadCard(id).catch(() => ({ id, slug: '', headline: 'Article not readable', live: false }) as ArticleCard))).then((loaded) =>
      setCards((m) => {
        const next = new Map(m);
        loaded.forEach((c) => next.set(c.id, c));
        return next;
      }),
    );
  }, [draft, cards]);

  const reloadMeta = async () => setList(await request<FeaturedList>(`/api/lists/${slug}`));

  /** Every draft edit carries the draft ETag; a 412 reloads the draft and says so, nothing is retried blindly. */
  const draftEdit = async (label: string, call: (version: number | null) => Promise<Versioned<Draft>>, success?: string) => {
    setBusy(true);
    try {
      const result = await call(draftRef.current?.version ?? null);
      setDraft(result);
      setAuditTick((t) => t + 1);
      void reloadMeta().catch(() => undefined);
      if (success) toast.success(success);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        toast.error(`Someone else changed this draft, so “${label}” was not applied. The draft has been reloaded; please try again.`);
      } else {
        toast.error(messageOf(e));
      }
      setDraft(await request<Draft>(`/api/lists/${slug}/draft`).catch(() => draftRef.current!));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const move = useCallback(
    async (articleId: string, from: number, to: number) => {
      const current = draftRef.current;
      if (!current) return;
      const headline = railView(current.data.items[from], cards.get(articleId)).headline;
      // Optimistic: the item moves at once; the server's answer (or a reload on failure) settles it.
      setDraft({ ...current, data: { ...current.data, items: moveItem(current.data.items, from, to) } });
      setAnnouncement(moveAnnouncement(headline, to, current.data.items.length));
      await draftEdit('move', (v) => request<Draft>(`/api/lists/${slug}/draft/move`, { method: 'POST', body: { articleId, position: to }, ifMatch: v }));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [cards, slug],
  );
  const moveRef = useRef(move);
  moveRef.current = move;

  // Drag and drop (SortableJS). The fallback mode uses pointer events, so it works with a mouse, touch and a pen.
  const listEl = useRef<HTMLOListElement>(null);
  const hasDraft = draft !== null;
  useEffect(() => {
    if (!listEl.current || !editable || tab !== 'draft') return;
    const sortable = Sortable.create(listEl.current, {
      handle: '.drag-handle',
      animation: 150,
      forceFallback: true,
      ghostClass: 'sortable-ghost',
      chosenClass: 'sortable-chosen',
      dragClass: 'sortable-drag',
      onEnd: (event) => {
        const { oldIndex, newIndex, item, from } = event;
        if (oldIndex === undefined || newIndex === undefined || oldIndex === newIndex) return;
        // Put the DOM back as React rendered it; React then re-renders the new order from state.
        from.removeChild(item);
        from.insertBefore(item, from.children[oldIndex] ?? null);
        void moveRef.current(item.dataset.id!, oldIndex, newIndex);
      },
    });
    return () => sortable.destroy();
  }, [editable, hasDraft, tab]);

  // Keep keyboard focus on the item that was moved.
  const focusAfterMove = useRef<string | null>(null);
  useEffect(() => {
    if (!focusAfterMove.current) return;
    document.querySelector<HTMLElement>(`[data-handle-for="${focusAfterMove.current}"]`)?.focus();
    focusAfterMove.current = null;
  }, [draft]);

  const keyMove = (event: React.KeyboardEvent, index: number, articleId: string) => {
    const target = keyboardMoveTarget(index, draft!.data.items.length, event.key, event.altKey);
    if (target === null) return;
    event.preventDefault();
    focusAfterMove.current = articleId;
    void move(articleId, index, target);
  };

  if (error) return <ErrorBox error={error} onRetry={() => void load()} />;
  if (!list || !draft) return <Loading what="Loading the list" />;
  const items = draft.data.items;
  const meta = list.data;
  const now = new Date();

  return (
    <>
      <PageHeader
        title={meta.title}
        subtitle={
          <>
            <code>{meta.slug}</code> · {items.length} of {meta.maxItems} items in the draft ·{' '}
            {meta.liveRevision ? `live revision ${meta.liveRevision}, published ${formatDateTime(meta.publishedAt)}` : 'not published yet'}
            {meta.scheduledPublishAt && (
              <strong>
                {' '}
                · publishes {formatDateTime(meta.scheduledPublishAt)}
                {meta.scheduledBy ? ` (scheduled by ${meta.scheduledBy})` : ''}
              </strong>
            )}
          </>
        }
      >
        <Link className="button" to="/lists">
          All lists
        </Link>
      </PageHeader>

      <div className="tabs" role="tablist" aria-label="Version">
        <button type="button" role="tab" aria-selected={tab === 'draft'} className={tab === 'draft' ? 'tab tab-active' : 'tab'} onClick={() => setTab('draft')}>
          Draft
        </button>
        <button type="button" role="tab" aria-selected={tab === 'live'} className={tab === 'live' ? 'tab tab-active' : 'tab'} onClick={() => setTab('live')}>
          Live and preview
        </button>
      </div>

      <p className="sr-only" aria-live="assertive" role="status" data-testid="reorder-announcement">
        {announcement}
      </p>

      {tab === 'draft' && (
        <div className="list-grid">
          <section className="panel" aria-labelledby="draft-title">
            <div className="panel-head">
              <h2 id="draft-title">Draft order</h2>
              {editable && <span className="muted small">Drag by the handle, or focus it and press Alt + ↑/↓.</span>}
            </div>
            {items.length === 0 && <p className="muted">The draft is empty. Add published articles below.</p>}
            <ol className="curate-list" ref={listEl} data-testid="draft-items">
              {items.map((item, index) => {
                const card = cards.get(item.articleId);
                const view = railView(item, card);
                const shown = inWindow(item, now);
                return (
                  <li key={item.articleId} data-id={item.articleId} className="curate-item" data-testid="draft-item">
                    {editable && (
                      <button
                        type="button"
                        className="drag-handle"
                        data-handle-for={item.articleId}
                        aria-label={`Reorder “${view.headline}”, position ${index + 1} of ${items.length}. Drag, or press Alt with arrow up or down.`}
                        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                        onKeyDown={(e) => keyMove(e, index, item.articleId)}
                      >
                        <span aria-hidden="true">⠿</span>
                      </button>
                    )}
                    <span className="curate-pos" aria-hidden="true">
                      {index + 1}
                    </span>
                    {view.image?.url ? <img className="curate-thumb" src={view.image.url} alt={view.image.alt ?? ''} /> : <div className="curate-thumb image-placeholder" />}
                    <div className="curate-text">
                      <div className="curate-headline" data-testid="item-headline">
                        {view.headline}
                      </div>
                      <div className="muted small">
                        {view.overridden.headline || view.overridden.summary || view.overridden.image ? <span className="badge">Overrides</span> : null}
                        {item.window && (item.window.from || item.window.until) && (
                          <span className={shown ? 'badge' : 'badge badge-warn'}>
                            {item.window.from ? `from ${formatDateTime(item.window.from)} ` : ''}
                            {item.window.until ? `until ${formatDateTime(item.window.until)}` : ''}
                          </span>
                        )}
                        {card && !card.live && <span className="badge badge-warn">No longer published: hidden from readers</span>}
                      </div>
                    </div>
                    {editable && (
                      <div className="curate-actions">
                        <button type="button" className="icon-button" aria-label={`Move “${view.headline}” up`} disabled={index === 0 || busy} onClick={() => void move(item.articleId, index, index - 1)}>
                          ↑
                        </button>
                        <button
                          type="button"
                          className="icon-button"
                          aria-label={`Move “${view.headline}” down`}
                          disabled={index === items.length - 1 || busy}
                          onClick={() => void move(item.articleId, index, index + 1)}
                        >
                          ↓
                        </button>
                        <button type="button" className="button button-small" onClick={() => setEditing(item)}>
                          Edit
                        </button>
                        <button
                          type="button"
                          className="button button-small button-danger-quiet"
                          disabled={busy}
                          onClick={() =>
                            void draftEdit('remove', (v) => request<Draft>(`/api/lists/${slug}/draft/items/${item.articleId}`, { method: 'DELETE', ifMatch: v }), `Removed “${view.headline}”`)
                          }
                        >
                          Remove
                        </button>
                      </div>
                    )}
                  </li>
                );
              })}
            </ol>
            {editable && (
              <AddArticles
                exclude={items.map((i) => i.articleId)}
                full={items.length >= meta.maxItems}
                onAdd={(a) => draftEdit('add', (v) => request<Draft>(`/api/lists/${slug}/draft/items`, { method: 'POST', body: { articleId: a.id }, ifMatch: v }), `Added “${a.headline}”`)}
              />
            )}
          </section>

          <aside className="list-side">
            <section className="panel" aria-labelledby="rail-title">
              <h2 id="rail-title">Rail preview (draft)</h2>
              <div className="rail" data-testid="draft-rail">
                {items.filter((i) => inWindow(i, now)).map((item) => {
                  const view = railView(item, cards.get(item.articleId));
                  return <RailCard key={item.articleId} headline={view.headline} summary={view.summary} image={view.image} linked={false} />;
                })}
                {items.length === 0 && <p className="muted">Nothing to show yet.</p>}
              </div>
            </section>
            {editable && <PublishPanel list={meta} draft={draft} busy={busy} setBusy={setBusy} onDone={(l) => { setList(l); setAuditTick((t) => t + 1); }} onDraft={(d) => setDraft(d)} />}
            <AuditPanel slug={slug!} tick={auditTick} cards={cards} />
          </aside>
        </div>
      )}

      {tab === 'live' && <LivePreview list={meta} />}

      {editing && (
        <ItemDialog
          item={editing}
          card={cards.get(editing.articleId)}
          onClose={() => setEditing(null)}
          onSave={async (body) => {
            const ok = await draftEdit('edit item', (v) => request<Draft>(`/api/lists/${slug}/draft/items/${editing.articleId}`, { method: 'PUT', body, ifMatch: v }), 'Item updated');
            if (ok) setEditing(null);
          }}
        />
      )}
    </>
  );
}

/** Adds published articles through search (the editorial search, only live articles offered). */
function AddArticles({ exclude, full, onAdd }: { exclude: string[]; full: boolean; onAdd: (a: ArticleSummary) => Promise<boolean> }) {
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim(), 300);
  const { data, error, loading } = useLoad(
    (signal) => get<Page<ArticleSummary>>('/api/articles' + query({ q: debounced, sort: debounced ? 'relevance' : '-published', size: 20 }), signal),
    [debounced],
  );
  const candidates = (data?.items ?? []).filter((a) => a.live && !exclude.includes(a.id)).slice(0, 8);
  return (
    <div className="add-articles">
      <h3>Add published articles</h3>
      <div className="field">
        <label htmlFor="add-search">Search published articles</label>
        <input id="add-search" type="search" value={q} placeholder="Headline or words from the story" onChange={(e) => setQ(e.target.value)} />
      </div>
      {full && <p className="muted small">The list is full; remove an item to add another.</p>}
      <ErrorBox error={error} />
      {loading && !data && <Loading what="Searching" />}
      <ul className="picker-results" aria-label="Published articles" data-testid="add-results">
        {data && candidates.length === 0 && (
          <li className="muted small">
            {data.items.some((a) => a.live)
              ? 'Every published article that matches is already in the list.'
              : `No published article matches${debounced ? ` “${debounced}”` : ''}.`}
          </li>
        )}
        {candidates.map((a) => (
          <li key={a.id} className="picker-row">
            <span>{a.headline}</span>
            <button type="button" className="button button-small" disabled={full} onClick={() => void onAdd(a)} aria-label={`Add “${a.headline}”`}>
              Add
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ItemDialog({ item, card, onClose, onSave }: { item: ListItem; card?: ArticleCard; onClose: () => void; onSave: (body: unknown) => Promise<void> }) {
  const o = item.overrides ?? {};
  const [form, setForm] = useState({ headline: o.headline ?? '', summary: o.summary ?? '', imageUrl: o.image?.url ?? '', imageAlt: o.image?.alt ?? '' });
  const [from, setFrom] = useState(toLocalInput(item.window?.from));
  const [until, setUntil] = useState(toLocalInput(item.window?.until));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const overrides = overridesFrom(form);
  const view = railView({ overrides }, card);
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setForm({ ...form, [key]: e.target.value });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (form.imageUrl.trim() && !form.imageAlt.trim()) {
      setErrors({ 'overrides.image.alt': 'Describe the image: alt text is required with an image.' });
      return;
    }
    const window = from || until ? { from: fromLocalInput(from), until: fromLocalInput(until) } : null;
    setSaving(true);
    try {
      await onSave({ overrides, window });
    } catch (e) {
      setErrors(e instanceof ApiError ? fieldErrors(e.problem) : {});
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog title="Rail item" onClose={onClose} wide testId="item-dialog">
      <form onSubmit={submit} className="item-dialog" noValidate>
        <div>
          <p className="muted small">Leave a field empty to use the article’s own: “{card?.headline ?? '…'}”.</p>
          <Field label="Headline override" id="ov-headline" error={errors['overrides.headline']}>
            <input id="ov-headline" value={form.headline} maxLength={200} placeholder={card?.headline ?? ''} onChange={set('headline')} />
          </Field>
          <Field label="Summary override" id="ov-summary" error={errors['overrides.summary']} hint="One or two sentences.">
            <textarea id="ov-summary" rows={3} maxLength={400} value={form.summary} placeholder={card?.dek ?? ''} onChange={set('summary')} />
          </Field>
          <Field label="Image URL override" id="ov-image" error={errors['overrides.image.url'] ?? errors['overrides.image']}>
            <input id="ov-image" type="url" value={form.imageUrl} placeholder={card?.heroImage?.url ?? 'https://…'} onChange={set('imageUrl')} />
          </Field>
          <Field label="Image alt text" id="ov-alt" error={errors['overrides.image.alt']} hint="Required with an image override.">
            <input id="ov-alt" value={form.imageAlt} maxLength={300} onChange={set('imageAlt')} />
          </Field>
          <fieldset className="fieldset">
            <legend>Window (optional)</legend>
            <div className="two-col">
              <Field label="Show from" id="win-from">
                <input id="win-from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
              </Field>
              <Field label="Show until" id="win-until" hint="After this it drops out by itself.">
                <input id="win-until" type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} />
              </Field>
            </div>
          </fieldset>
        </div>
        <div className="item-preview">
          <h3>Live preview</h3>
          <div className="rail" data-testid="override-preview">
            <RailCard headline={view.headline} summary={view.summary} image={view.image} linked={false} />
          </div>
          <p className="muted small">Image alt text: {view.image?.alt ? `“${view.image.alt}”` : <em>none</em>}</p>
        </div>
        <div className="dialog-actions item-dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={saving} data-testid="save-item">
            {saving ? 'Saving…' : 'Save item'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function PublishPanel({ list, draft, busy, setBusy, onDone, onDraft }: {
  list: FeaturedList;
  draft: Versioned<Draft>;
  busy: boolean;
  setBusy: (b: boolean) => void;
  onDone: (list: Versioned<FeaturedList>) => void;
  onDraft: (draft: Versioned<Draft>) => void;
}) {
  const toast = useToast();
  const [at, setAt] = useState('');
  const [rollbackTo, setRollbackTo] = useState('');
  const run = async (call: () => Promise<Versioned<FeaturedList>>, success: string, changed = 'The draft changed since you loaded it; reload the page to see the latest before publishing.') => {
    setBusy(true);
    try {
      onDone(await call());
      toast.success(success);
    } catch (e) {
      toast.error(e instanceof ApiError && e.status === 412 ? changed : messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const publishAt = fromLocalInput(at);
  const older = list.rollbackRevisions.filter((r) => r !== list.liveRevision).sort((a, b) => b - a);
  return (
    <section className="panel" aria-labelledby="publish-title">
      <h2 id="publish-title">Publish</h2>
      <button
        type="button"
        className="button button-primary button-block"
        disabled={busy}
        data-testid="publish-list"
        onClick={() => void run(() => request<FeaturedList>(`/api/lists/${list.slug}/publish`, { method: 'POST', body: {}, ifMatch: draft.version }), 'The list is live')}
      >
        Publish now
      </button>
      <div className="field">
        <label htmlFor="publish-at">Or publish at (your local time)</label>
        <input id="publish-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
      </div>
      <button
        type="button"
        className="button button-block"
        disabled={busy || !publishAt}
        onClick={() => void run(() => request<FeaturedList>(`/api/lists/${list.slug}/publish`, { method: 'POST', body: { at: publishAt }, ifMatch: draft.version }), `Publication scheduled for ${formatDateTime(publishAt)}`)}
      >
        Schedule publication
      </button>
      {list.liveRevision && (
        <button
          type="button"
          className="button button-block button-quiet"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              onDraft(await request<Draft>(`/api/lists/${list.slug}/draft/discard`, { method: 'POST', ifMatch: draft.version }));
              toast.success('Draft reset to the live version');
            } catch (e) {
              toast.error(messageOf(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          Discard draft changes
        </button>
      )}
      {older.length > 0 && (
        <div className="rollback">
          <div className="field">
            <label htmlFor="rollback-to">Roll back to an earlier revision</label>
            <select id="rollback-to" value={rollbackTo} onChange={(e) => setRollbackTo(e.target.value)}>
              <option value="">Choose a revision</option>
              {older.map((r) => (
                <option key={r} value={r}>
                  Revision {r}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button button-block"
            disabled={busy || !rollbackTo}
            onClick={() => void run(() => request<FeaturedList>(`/api/lists/${list.slug}/rollback`, { method: 'POST', body: { revision: Number(rollbackTo) }, ifMatch: list.version }), `Revision ${rollbackTo} is live again`, 'Someone published or rolled back this list since you loaded it; reload the page to see what is live now.')}
          >
            Roll back
          </button>
        </div>
      )}
    </section>
  );
}

function AuditPanel({ slug, tick, cards }: { slug: string; tick: number; cards: Map<string, ArticleCard> }) {
  const { data } = useLoad((signal) => get<{ items: AuditEntry[] }>(`/api/lists/${slug}/audit`, signal), [slug, tick]);
  if (!data || data.items.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="audit-title">
      <details>
        <summary>
          <h2 id="audit-title" className="inline-heading">
            Activity
          </h2>
        </summary>
        <ol className="timeline">
          {data.items.slice(0, 15).map((a, i) => (
            <li key={i} className="timeline-item">
              <strong>{a.actor}</strong> {a.action.replace(/_/g, ' ')}
              {a.articleId && cards.get(a.articleId) ? ` “${cards.get(a.articleId)!.headline}”` : ''}
              {a.detail ? <span className="muted"> · {a.detail}</span> : null}
              <div className="muted small">{formatDateTime(a.at)}</div>
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}

/** What readers see now (live) or at a chosen time (windows and a scheduled publish applied), from the curation service. */
function LivePreview({ list }: { list: FeaturedList }) {
  const [at, setAt] = useState('');
  const iso = fromLocalInput(at);
  const { data, error, loading, reload } = useLoad((signal) => get<ResolvedList>(`/api/lists/${list.slug}/preview` + query({ at: iso }), signal), [list.slug, iso, list.version]);
  return (
    <section className="panel" aria-labelledby="live-title">
      <div className="panel-head">
        <h2 id="live-title">{iso ? `As readers will see it on ${formatDateTime(iso)}` : 'Live now'}</h2>
        <div className="field field-inline">
          <label htmlFor="preview-at">Preview as of</label>
          <input id="preview-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
          {at && (
            <button type="button" className="button button-small" onClick={() => setAt('')}>
              Now
            </button>
          )}
        </div>
      </div>
      <ErrorBox error={error} onRetry={reload} />
      {loading && !data && <Loading what="Resolving the list" />}
      {data && (
        <>
          <p className="muted small">
            {data.revision ? `Revision ${data.revision}` : 'Nothing published'}
            {data.publishedAt ? `, published ${formatDateTime(data.publishedAt)}` : ''}
            {data.stale ? ' · article data may be out of date (articles service unreachable)' : ''}
          </p>
          <div className="rail rail-wide" data-testid="live-rail">
            {data.items.map((i) => (
              <RailCard key={i.articleId} headline={i.headline} summary={i.summary} image={i.image} slug={i.slug} />
            ))}
            {data.items.length === 0 && <p className="muted">No item shows at this time.</p>}
          </div>
        </>
      )}
    </section>
  );
}
