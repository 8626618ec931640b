import Sortable from 'sortablejs';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { get, query, request, type Versioned } from '../lib/api';
import { formatDateTime, fromLocalInput, toLocalInput } from '../lib/format';
import { altMissingEverywhere, imageErrors, isImageErrorKey, mediaUnavailableText, ownWords, RAIL_ITEM_PLACE, sayOnce, withoutImageErrors } from '../lib/libraryImage';
import {
  chooseItemImage,
  draftDifferences,
  draftErrors,
  inWindow,
  itemFieldErrors,
  keptAsSent,
  overrideFormOf,
  overridesFrom,
  railView,
  removeItemImage,
  type ArticleCard,
  type Difference,
  type OverrideForm,
} from '../lib/listItems';
import { pickedImage, PICKER_SHAPES, shapeOf } from '../lib/media';
import { keyboardMoveTarget, moveAnnouncement, moveItem } from '../lib/reorder';
import type { Article, ArticleSummary, AuditEntry, Draft, FeaturedList, ItemWindow, ListItem, LiveVersion, MediaItem, Overrides, Page, ResolvedList, Revision } from '../lib/types';
import { ApiError, fieldLabel, messageOf } from '../problem';
import { abilities, useUser } from '../session';
import { ErrorBox, Field, focusFirstError, Loading, PageHeader, useDebounced, useFocusOnErrors, useLoad } from '../ui/common';
import { Dialog } from '../ui/Dialog';
import { ChooseFromLibrary, ImportUrlButton, LibraryImagePicker, LibraryImageView, useLibraryImage, useUrlImport, type LibraryImage } from '../ui/LibraryImageField';
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
  const [live, setLive] = useState<LiveVersion | null>(null);
  const [liveError, setLiveError] = useState<unknown>(null);
  const [cards, setCards] = useState<Map<string, ArticleCard>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [tab, setTab] = useState<'draft' | 'live'>('draft');
  const [announcement, setAnnouncement] = useState('');
  const [editing, setEditing] = useState<ListItem | null>(null);
  /** Errors the server gave about items in an answer about the whole draft (publish, schedule), by article id. */
  const [itemErrors, setItemErrors] = useState<Record<string, Record<string, string>>>({});
  const focusItemErrors = useRef(false);
  const [busy, setBusy] = useState(false);
  const [auditTick, setAuditTick] = useState(0);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const editable = can.curates;

  const reloadLive = useCallback(async () => {
    try {
      setLive(await get<LiveVersion>(`/api/lists/${slug}/live`));
      setLiveError(null);
    } catch (e) {
      setLiveError(e);
    }
  }, [slug]);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [meta, d] = await Promise.all([request<FeaturedList>(`/api/lists/${slug}`), request<Draft>(`/api/lists/${slug}/draft`)]);
      setList(meta);
      setDraft(d);
      void reloadLive();
    } catch (e) {
      setError(e);
    }
  }, [slug, reloadLive]);
  useEffect(() => {
    void load();
  }, [load]);

  // Article data for every item not yet known (live ones too: a removed story is named by its headline).
  useEffect(() => {
    const ids = [...(draft?.data.items ?? []), ...(live?.items ?? [])].map((i) => i.articleId);
    const missing = [...new Set(ids)].filter((id) => !cards.has(id));
    if (missing.length === 0) return;
    Promise.all(missing.map((id) => loadCard(id).catch(() => ({ id, slug: '', headline: 'Article not readable', live: false }) as ArticleCard))).then((loaded) =>
      setCards((m) => {
        const next = new Map(m);
        loaded.forEach((c) => next.set(c.id, c));
        return next;
      }),
    );
  }, [draft, live, cards]);

  const reloadMeta = async () => setList(await request<FeaturedList>(`/api/lists/${slug}`));
  const reloadDraft = async () => setDraft(await request<Draft>(`/api/lists/${slug}/draft`).catch(() => draftRef.current!));

  /** Every draft edit carries the draft ETag; a 412 reloads the draft and says what happened, nothing is retried blindly. */
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
      toast.error(e instanceof ApiError && e.status === 412 ? changedWhileWorking(`“${label}” was not applied`) : messageOf(e));
      await reloadDraft();
      return false;
    } finally {
      setBusy(false);
    }
  };

  /** Saves one item's overrides and window; answers the item as the server stored it (the dialog checks it was kept). */
  const saveItem = async (articleId: string, body: ItemBody): Promise<ListItem | undefined> => {
    try {
      const result = await request<Draft>(`/api/lists/${slug}/draft/items/${articleId}`, { method: 'PUT', body, ifMatch: draftRef.current?.version ?? null });
      setDraft(result);
      setAuditTick((t) => t + 1);
      void reloadMeta().catch(() => undefined);
      return result.data.items.find((i) => i.articleId === articleId);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) await reloadDraft();
      throw e;
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

  // Items the server refused in a whole-draft answer: bring the first one into view and focus it.
  useEffect(() => {
    if (!focusItemErrors.current || Object.keys(itemErrors).length === 0) return;
    focusItemErrors.current = false;
    // Not an error anchor of the page's forms: a dialog's own errors must not send focus behind it.
    const first = listEl.current?.querySelector<HTMLElement>('[data-testid="item-errors"]');
    first?.scrollIntoView({ block: 'center' });
    first?.focus({ preventScroll: true });
  }, [itemErrors]);

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
  const headlineOf = (id: string) => {
    const card = cards.get(id);
    return card ? railView([...items, ...(live?.items ?? [])].find((i) => i.articleId === id) ?? { overrides: null }, card).headline : 'a story';
  };
  const differences = live ? draftDifferences(items, live.revision ? live.items : null, headlineOf) : null;

  return (
    <>
      <PageHeader
        title={meta.title}
        subtitle={
          <>
            <code>{meta.slug}</code> · {items.length} of {meta.maxItems} items in the draft ·{' '}
            {meta.liveRevision ? `live revision ${meta.liveRevision}, published ${formatDateTime(meta.publishedAt)}` : 'not published yet'}
          </>
        }
      >
        <Link className="button" to="/lists">
          All lists
        </Link>
      </PageHeader>

      <ActionBar
        list={meta}
        draft={draft}
        live={live}
        liveError={liveError}
        differences={differences}
        editable={editable}
        busy={busy}
        setBusy={setBusy}
        onList={(l) => {
          setList(l);
          setItemErrors({});
          setAuditTick((t) => t + 1);
          void reloadLive();
        }}
        onItemErrors={(byItem) => {
          focusItemErrors.current = true;
          setTab('draft');
          setItemErrors(byItem);
        }}
        onDraft={(d) => {
          setDraft(d);
          setAuditTick((t) => t + 1);
        }}
        onStale={async () => {
          await Promise.all([reloadDraft(), reloadMeta().catch(() => undefined), reloadLive()]);
        }}
      />

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
            {items.length === 0 && <p className="muted">The draft is empty.{editable ? ' Add published articles below.' : ''}</p>}
            <ol className="curate-list" ref={listEl} data-testid="draft-items">
              {items.map((item, index) => {
                const card = cards.get(item.articleId);
                const view = railView(item, card);
                const shown = inWindow(item, now);
                const refused = editing?.articleId === item.articleId ? null : itemErrorText(itemErrors[item.articleId]);
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
                      {refused && (
                        <p className="field-error curate-error" id={`item-errors-${item.articleId}`} data-testid="item-errors" tabIndex={-1}>
                          {refused}
                        </p>
                      )}
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
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={`Edit “${view.headline}”`}
                          aria-describedby={refused ? `item-errors-${item.articleId}` : undefined}
                          onClick={() => setEditing(item)}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          className="button button-small button-danger-quiet"
                          aria-label={`Remove “${view.headline}”`}
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
            {editable && <RollbackPanel list={meta} busy={busy} setBusy={setBusy} onDone={(l) => { setList(l); setAuditTick((t) => t + 1); void reloadLive(); }} />}
            <AuditPanel slug={slug!} tick={auditTick} cards={cards} />
          </aside>
        </div>
      )}

      {tab === 'live' && <LivePreview list={meta} />}

      {editing && (
        <ItemDialog
          item={items.find((i) => i.articleId === editing.articleId) ?? editing}
          card={cards.get(editing.articleId)}
          canUseMedia={can.usesMedia}
          initialErrors={itemErrors[editing.articleId]}
          onClose={() => setEditing(null)}
          onSave={async (body) => {
            const stored = await saveItem(editing.articleId, body);
            setItemErrors(({ [editing.articleId]: _done, ...rest }) => rest);
            return stored;
          }}
        />
      )}
    </>
  );
}

/** An item's errors from a whole-draft answer, in words with their field's name, for its row in the draft. */
export function itemErrorText(errors: Record<string, string> | undefined): string | null {
  const lines = Object.entries(errors ?? {}).map(([k, text]) => (k === 'item' ? text : `${fieldLabel(k)}: ${text}`));
  return lines.length ? lines.join(' ') : null;
}

/** A 412 in words: what happened and what to do, never a version number. */
function changedWhileWorking(what: string) {
  return `Someone else changed this draft while you were working, so ${what}. The page now shows their changes; check them and try again.`;
}

/**
 * The list's publishing controls, always in view at the top: whether the draft differs from what readers see (and
 * what differs, in words), and Publish now / Schedule / Discard, each confirmed first. People who may only look
 * are told why there are no controls.
 */
function ActionBar({ list, draft, live, liveError, differences, editable, busy, setBusy, onList, onDraft, onStale, onItemErrors }: {
  list: FeaturedList;
  draft: Versioned<Draft>;
  live: LiveVersion | null;
  liveError: unknown;
  differences: Difference[] | null;
  editable: boolean;
  busy: boolean;
  setBusy: (b: boolean) => void;
  onList: (list: Versioned<FeaturedList>) => void;
  onDraft: (draft: Versioned<Draft>) => void;
  onStale: () => Promise<void>;
  /** The server refused items of the draft (e.g. a picture without alt text): their errors, by article id. */
  onItemErrors: (byItem: Record<string, Record<string, string>>) => void;
}) {
  const toast = useToast();
  const [confirm, setConfirm] = useState<'publish' | 'schedule' | 'discard' | 'unschedule' | null>(null);
  const published = !!live?.revision;
  const count = differences?.length ?? 0;
  let state: ReactNode;
  if (liveError) state = <strong>Could not compare the draft with the live list: {messageOf(liveError)}</strong>;
  else if (!differences) state = <span className="muted">Comparing the draft with the live list…</span>;
  else if (!published) state = <strong>Not published yet: readers see nothing of this list.</strong>;
  else if (count === 0) state = <strong>The draft is the same as the live list (revision {live!.revision}).</strong>;
  else state = <strong>The draft differs from the live list (revision {live!.revision}): {count === 1 ? '1 change' : `${count} changes`}.</strong>;

  /** Runs a publishing call; a 412 reloads everything and says what happened. */
  const run = async <T,>(call: () => Promise<T>, done: (result: T) => void, success: string, notApplied: string, shownKeys: string[] = []) => {
    setBusy(true);
    try {
      done(await call());
      toast.success(success);
      setConfirm(null);
      return null;
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setConfirm(null);
        await onStale();
        toast.error(changedWhileWorking(notApplied));
        return null;
      }
      if (e instanceof ApiError && e.hasFieldErrors) {
        // Errors about items are said at the items (once each); the rest at the dialog's field, or here.
        const { byItem, rest } = draftErrors(e.problem, draft.data.items);
        const refused = Object.keys(byItem).length;
        if (refused > 0) {
          setConfirm(null);
          onItemErrors(byItem);
          toast.error(`${notApplied.charAt(0).toUpperCase()}${notApplied.slice(1)}: ${refused === 1 ? 'an item needs' : `${refused} items need`} a change first, marked in the draft.`);
        }
        const shown = Object.fromEntries(Object.entries(rest).filter(([k]) => shownKeys.includes(k)));
        const unshown = Object.entries(rest).filter(([k]) => !shownKeys.includes(k));
        if (unshown.length > 0) toast.error(unshown.map(([k, text]) => `${fieldLabel(k)}: ${text}`).join('\n'));
        return Object.keys(shown).length > 0 ? shown : null;
      }
      toast.error(messageOf(e));
      return null;
    } finally {
      setBusy(false);
    }
  };
  const publishNow = () =>
    run(() => request<FeaturedList>(`/api/lists/${list.slug}/publish`, { method: 'POST', body: {}, ifMatch: draft.version }), onList, 'The list is live', 'nothing was published');
  const schedule = (at: string) =>
    run(() => request<FeaturedList>(`/api/lists/${list.slug}/publish`, { method: 'POST', body: { at }, ifMatch: draft.version }), onList, `Publication scheduled for ${formatDateTime(at)}`, 'nothing was scheduled', ['at']);
  /** Cancels the scheduled publish (If-Match: the list's ETag); nothing scheduled any more (409) reloads and says why. */
  const cancelSchedule = async () => {
    setBusy(true);
    try {
      onList(await request<FeaturedList>(`/api/lists/${list.slug}/schedule`, { method: 'DELETE', ifMatch: list.version }));
      toast.success('The scheduled publication is cancelled: nothing will go live by itself.');
      setConfirm(null);
    } catch (e) {
      setConfirm(null);
      if (e instanceof ApiError && (e.status === 412 || e.status === 409)) {
        await onStale();
        toast.error(
          e.status === 409
            ? `Nothing was cancelled: ${e.problem?.detail ?? 'nothing is scheduled any more'}. The page now shows the list as it is.`
            : changedWhileWorking('the schedule was not cancelled'),
        );
      } else toast.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const discard = () =>
    run(() => request<Draft>(`/api/lists/${list.slug}/draft/discard`, { method: 'POST', ifMatch: draft.version }), onDraft, 'Draft reset to the live version', 'the draft was not reset');

  return (
    <section className="action-bar" aria-label="Publishing" data-testid="action-bar">
      <div className="action-bar-state" data-testid="draft-state">
        <p className="action-bar-line">
          {state}
          {list.scheduledPublishAt && (
            <span className="badge badge-scheduled" data-testid="scheduled-state">
              Publishes {formatDateTime(list.scheduledPublishAt)}
              {list.scheduledBy ? ` (scheduled by ${list.scheduledBy})` : ''}
            </span>
          )}
          {list.scheduledPublishAt && editable && (
            <button type="button" className="button button-small button-danger-quiet" disabled={busy} onClick={() => setConfirm('unschedule')} data-testid="cancel-schedule">
              Cancel schedule
            </button>
          )}
        </p>
        {differences && count > 0 && (
          <details className="action-bar-changes" data-testid="draft-differences">
            <summary>
              {published ? 'What differs: ' : 'What publishing makes live: '}
              {differences[0].text}
              {count > 1 ? ` and ${count - 1} more` : ''}
            </summary>
            <ChangeList differences={differences} />
          </details>
        )}
      </div>
      {editable ? (
        <div className="action-bar-actions">
          {published && count > 0 && (
            <button type="button" className="button button-quiet" disabled={busy} onClick={() => setConfirm('discard')} data-testid="discard-draft">
              Discard draft changes
            </button>
          )}
          <button type="button" className="button" disabled={busy} onClick={() => setConfirm('schedule')}>
            Schedule…
          </button>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => setConfirm('publish')} data-testid="publish-list">
            Publish now
          </button>
        </div>
      ) : (
        <p className="action-bar-readonly" data-testid="read-only-reason">
          You can look at this list but not change it: only curators (and admins) edit, schedule and publish featured lists. Ask a curator for changes.
        </p>
      )}

      {confirm === 'publish' && (
        <Dialog title="Publish the draft now?" onClose={() => setConfirm(null)} testId="confirm-publish-dialog">
          <p>Readers will see the draft at once, as live revision {nextRevision(list)}.</p>
          <ConsequenceList differences={differences} published={published} itemCount={draft.data.items.length} />
          {list.scheduledPublishAt && <p>The publication scheduled for {formatDateTime(list.scheduledPublishAt)} is replaced by this one.</p>}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirm(null)}>
              Cancel
            </button>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void publishNow()} data-testid="confirm-publish">
              {busy ? 'Publishing…' : 'Publish now'}
            </button>
          </div>
        </Dialog>
      )}
      {confirm === 'unschedule' && list.scheduledPublishAt && (
        <Dialog title="Cancel the scheduled publication?" onClose={() => setConfirm(null)} testId="confirm-unschedule-dialog">
          <p>
            The draft will not go live by itself on {formatDateTime(list.scheduledPublishAt)}
            {list.scheduledBy ? ` (scheduled by ${list.scheduledBy})` : ''}. Readers keep seeing {published ? `live revision ${live?.revision}` : 'nothing of this list'}; the draft is
            not changed, and you can publish or schedule it again later.
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirm(null)}>
              Keep the schedule
            </button>
            <button type="button" className="button button-danger" disabled={busy} onClick={() => void cancelSchedule()} data-testid="confirm-unschedule">
              {busy ? 'Cancelling…' : 'Cancel schedule'}
            </button>
          </div>
        </Dialog>
      )}
      {confirm === 'discard' && (
        <Dialog title="Discard the draft changes?" onClose={() => setConfirm(null)} testId="confirm-discard-dialog">
          <p>The draft goes back to the live list (revision {live?.revision}). These changes are lost; readers see no difference:</p>
          {differences && <ChangeList differences={differences} />}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirm(null)}>
              Keep my changes
            </button>
            <button type="button" className="button button-danger" disabled={busy} onClick={() => void discard()} data-testid="confirm-discard">
              {busy ? 'Discarding…' : 'Discard changes'}
            </button>
          </div>
        </Dialog>
      )}
      {confirm === 'schedule' && (
        <ScheduleDialog list={list} busy={busy} onClose={() => setConfirm(null)} onSchedule={schedule}>
          <ConsequenceList differences={differences} published={published} itemCount={draft.data.items.length} />
        </ScheduleDialog>
      )}
    </section>
  );
}

function nextRevision(list: FeaturedList) {
  return Math.max(0, ...list.rollbackRevisions, list.liveRevision ?? 0) + 1;
}

function ChangeList({ differences }: { differences: Difference[] }) {
  return (
    <ul className="action-bar-list">
      {differences.map((d, i) => (
        <li key={i}>{d.text}</li>
      ))}
    </ul>
  );
}

/** What publishing changes for readers, in words. */
function ConsequenceList({ differences, published, itemCount }: { differences: Difference[] | null; published: boolean; itemCount: number }) {
  if (!published) return <p>The list goes live for the first time with {itemCount === 1 ? '1 story' : `${itemCount} stories`}.</p>;
  if (!differences) return null;
  if (differences.length === 0) return <p>The draft is the same as the live list, so readers will see no change.</p>;
  return (
    <>
      <p>What changes for readers:</p>
      <ChangeList differences={differences} />
    </>
  );
}

function ScheduleDialog({ list, busy, onClose, onSchedule, children }: {
  list: FeaturedList;
  busy: boolean;
  onClose: () => void;
  onSchedule: (at: string) => Promise<Record<string, string> | null>;
  children: ReactNode;
}) {
  const [at, setAt] = useState(toLocalInput(list.scheduledPublishAt));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const focusErrors = useFocusOnErrors(errors);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const iso = fromLocalInput(at);
    const problem = !iso ? 'Choose the date and time to publish.' : new Date(iso) <= new Date() ? 'Choose a time in the future.' : null;
    if (problem || !iso) {
      focusErrors();
      setErrors({ at: problem ?? '' });
      return;
    }
    const serverErrors = await onSchedule(iso);
    if (serverErrors) {
      focusErrors();
      setErrors(serverErrors);
    }
  };
  return (
    <Dialog title="Schedule publication" onClose={onClose} testId="schedule-dialog">
      <form onSubmit={submit} noValidate>
        <Field label="Publish at (your local time)" id="publish-at" error={errors.at}>
          <input id="publish-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
        </Field>
        {list.scheduledPublishAt && <p className="muted small">This replaces the publication scheduled for {formatDateTime(list.scheduledPublishAt)}.</p>}
        {children}
        <p className="muted small">Edits to the draft until then are published too.</p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="confirm-schedule">
            Schedule publication
          </button>
        </div>
      </form>
    </Dialog>
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

type ItemBody = { overrides: Overrides | null; window: ItemWindow | null };

/** The item dialog's fields and the server's field paths each one shows (anything else is said above the fields). */
const ITEM_FIELD_KEYS = ['overrides.headline', 'overrides.summary', 'window.from', 'window.until'];
const IMAGE_BASE = 'overrides.image';
const shownInItemDialog = (key: string) => ITEM_FIELD_KEYS.includes(key) || isImageErrorKey(key, IMAGE_BASE);

/** Said at the image's alt text when a library picture has none anywhere (the server refuses it too). */
export const ITEM_IMAGE_ALT_NEEDED = 'Describe the picture for people who cannot see it: write alt text here, or add it to the picture in the media library.';

/**
 * The item's image override: a picture from the media library (its 16:9 crop; the library's alt text is the default,
 * with an optional override for this rail item and a warning when the library has none), a pasted address with its alt
 * text (which can be imported into the library: `onImported` gets the library picture), or alt text alone for the
 * article's own image. `image` is the library picture's state (useLibraryImage).
 */
export function ItemImageField({ form, errors, image, card, canUseMedia, onEdit, onRemove, onImported }: {
  form: OverrideForm;
  errors: Record<string, string>;
  image: LibraryImage;
  card?: ArticleCard;
  canUseMedia: boolean;
  onEdit: (key: 'imageUrl' | 'imageAlt', value: string) => void;
  onRemove: () => void;
  onImported?: (item: MediaItem) => void;
}) {
  const library = !!form.imageMediaId?.trim();
  const errs = imageErrors(errors, IMAGE_BASE, library);
  const urlImport = useUrlImport({ url: form.imageUrl, words: { alt: form.imageAlt }, urlInputId: 'ov-image', onImported: (item) => onImported?.(item) });
  const hasOwnImage = !!card?.heroImage?.url;
  const altOnly = !library && !form.imageUrl.trim() && !!form.imageAlt.trim();
  return (
    <fieldset className="fieldset item-image" data-testid="item-image">
      <legend>Image</legend>
      {library ? (
        <LibraryImageView
          prefix="item-image"
          mediaId={image.mediaId || form.imageMediaId!.trim()}
          item={image.item}
          loading={image.loading}
          problem={image.problem}
          errs={errs}
          alt={form.imageAlt}
          onAltChange={(value) => onEdit('imageAlt', value)}
          altLabel="Alt text for this rail item"
          place={RAIL_ITEM_PLACE}
          subject="the item’s picture"
          shape={PICKER_SHAPES.listItemImage}
          previewSizes="160px"
          variant="compact"
          canUseMedia={canUseMedia}
          replaceButton={image.replaceButton}
          onRetry={image.retry}
          onReplaceClick={image.openPicker}
          onRemove={onRemove}
        />
      ) : (
        <>
          {canUseMedia && <ChooseFromLibrary prefix="item-image" buttonRef={image.chooseButton} onClick={image.openPicker} hint="or paste an image’s address below." />}
          <div className="two-col">
            <div>
              <Field label="Image URL override" id="ov-image" error={sayOnce(errs.url, urlImport.error)}>
                <input id="ov-image" type="url" value={form.imageUrl} placeholder={card?.heroImage?.url ?? 'https://…'} onChange={(e) => onEdit('imageUrl', e.target.value)} />
              </Field>
              <ImportUrlButton prefix="item-image" url={form.imageUrl} urlImport={urlImport} canUseMedia={canUseMedia && !!onImported} />
            </div>
            <Field label="Image alt text" id="ov-alt" error={errs.alt} hint={hasOwnImage ? 'Needed with an image URL. Alone, it describes the article’s own image.' : 'Needed with an image URL.'}>
              <input id="ov-alt" value={form.imageAlt} maxLength={300} placeholder={card?.heroImage?.alt ?? ''} onChange={(e) => onEdit('imageAlt', e.target.value)} />
            </Field>
          </div>
          {altOnly && (
            <p className={hasOwnImage ? 'muted small' : 'item-dialog-note'} data-testid="alt-only-note">
              {hasOwnImage
                ? 'The rail shows the article’s own image with your alt text.'
                : 'This article has no image of its own, so alt text alone shows no image. Add an image URL to show one.'}
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}

/**
 * The item's image once its pasted address was imported into the library: that picture's 16:9 crop, as if chosen in
 * the picker. The alt text typed went to the library with it; where the library says otherwise (the picture was
 * already there) it stays as this item's own.
 */
export function importedItemImage(form: OverrideForm, item: MediaItem): OverrideForm {
  return { ...chooseItemImage(form, pickedImage(item, PICKER_SHAPES.listItemImage)), imageAlt: ownWords(form.imageAlt, item.altText) };
}

/** The overrides as the dialog's preview shows them: a library picture known only by its id shows its 16:9 crop. */
function previewOverrides(overrides: Overrides | null, item: MediaItem | null): Overrides | null {
  const picture = overrides?.image;
  if (!picture?.mediaId || picture.url || !item) return overrides;
  return { ...overrides, image: { ...picture, url: shapeOf(item, PICKER_SHAPES.listItemImage)?.src ?? null } };
}

/** How saving the item dialog went: what to say where (`errors` at the fields, undefined: keep those shown). */
export type ItemSaveOutcome = { kind: 'saved' | 'unchanged' } | { kind: 'refused'; errors?: Record<string, string>; problem: string | null };

/**
 * Checks the item dialog's values, sends them (`onSave`: PUT of the item, answering the item as stored) unless nothing
 * changed, and places whatever is refused: each field error once at its field (anything of the image at the image),
 * others above the fields; a media library that does not answer is said at the library picture. `picture` is the
 * library picture's details, once known.
 */
export async function saveItemForm({ form, from, until, item, picture, onSave }: {
  form: OverrideForm;
  from: string;
  until: string;
  item: ListItem;
  picture: Pick<MediaItem, 'altText'> | null | undefined;
  onSave: (body: ItemBody) => Promise<ListItem | undefined>;
}): Promise<ItemSaveOutcome> {
  const library = !!form.imageMediaId?.trim();
  const window = from || until ? { from: fromLocalInput(from), until: fromLocalInput(until) } : null;
  const body: ItemBody = { overrides: overridesFrom(form), window };
  const found: Record<string, string> = {};
  if (!library && form.imageUrl.trim() && !form.imageAlt.trim()) found['overrides.image.alt'] = 'Describe the image: alt text is needed with an image URL.';
  if (library && altMissingEverywhere(form.imageAlt, picture)) found['overrides.image.alt'] = ITEM_IMAGE_ALT_NEEDED;
  if (window?.from && window.until && new Date(window.until) <= new Date(window.from)) found['window.until'] = 'Choose a time after “Show from”.';
  if (Object.keys(found).length) return { kind: 'refused', errors: found, problem: null };
  if (keptAsSent(body, item)) return { kind: 'unchanged' };
  try {
    const stored = await onSave(body);
    if (keptAsSent(body, stored)) return { kind: 'saved' };
    return {
      kind: 'refused',
      errors: {},
      problem: 'The server did not keep these changes, so the item was not updated. What you typed is still here: save again, or tell the web team if this repeats.',
    };
  } catch (e) {
    const mediaDown = library ? mediaUnavailableText(e, 'the picture') : null;
    if (e instanceof ApiError && e.status === 412) return { kind: 'refused', errors: {}, problem: changedWhileWorking('this item was not saved') + ' What you typed is still here.' };
    // The picture could not be checked: said at the picture, which is what it is about.
    if (mediaDown) return { kind: 'refused', errors: { [`${IMAGE_BASE}.mediaId`]: mediaDown }, problem: null };
    if (e instanceof ApiError && e.hasFieldErrors) {
      const byField = itemFieldErrors(e.problem);
      return { kind: 'refused', errors: byField, problem: elsewhereText(byField) };
    }
    return { kind: 'refused', errors: {}, problem: messageOf(e) };
  }
}

export function ItemDialog({ item, card, canUseMedia = false, initialErrors, onClose, onSave }: {
  item: ListItem;
  card?: ArticleCard;
  /** Whether the image may be chosen from the media library. */
  canUseMedia?: boolean;
  /** Errors the server gave for this item in an answer about the whole draft (e.g. on publishing). */
  initialErrors?: Record<string, string>;
  onClose: () => void;
  onSave: (body: ItemBody) => Promise<ListItem | undefined>;
}) {
  const toast = useToast();
  const [form, setForm] = useState<OverrideForm>(() => overrideFormOf(item.overrides));
  const [from, setFrom] = useState(toLocalInput(item.window?.from));
  const [until, setUntil] = useState(toLocalInput(item.window?.until));
  const [errors, setErrors] = useState<Record<string, string>>(initialErrors ?? {});
  const [problem, setProblem] = useState<string | null>(() => elsewhereText(initialErrors));
  const [saving, setSaving] = useState(false);
  const focusErrors = useFocusOnErrors(errors);
  const formRef = useRef<HTMLFormElement>(null);
  // Opened to fix what the server refused: start at the first field it named (the dialog starts at its first field).
  useEffect(() => {
    if (initialErrors && Object.keys(initialErrors).length > 0 && formRef.current) focusFirstError(formRef.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const image = useLibraryImage(form.imageMediaId, { place: RAIL_ITEM_PLACE });
  const library = !!form.imageMediaId?.trim();
  const overrides = overridesFrom(form);
  const view = railView({ overrides: previewOverrides(overrides, image.item) }, card, image.item?.altText);
  const hasOwnImage = !!card?.heroImage?.url;
  const altOnly = !library && !form.imageUrl.trim() && !!form.imageAlt.trim();
  /** Typing in a field settles its error (a pasted image's URL and alt text are checked together). */
  const settles = (key: 'headline' | 'summary' | 'imageUrl' | 'imageAlt'): string[] =>
    key === 'headline'
      ? ['overrides.headline']
      : key === 'summary'
        ? ['overrides.summary']
        : library
          ? [`${IMAGE_BASE}.alt`, IMAGE_BASE]
          : [IMAGE_BASE, `${IMAGE_BASE}.url`, `${IMAGE_BASE}.alt`, `${IMAGE_BASE}.mediaId`];
  const edit = (key: 'headline' | 'summary' | 'imageUrl' | 'imageAlt', value: string) => {
    setForm((old) => ({ ...old, [key]: value }));
    if (settles(key).some((k) => errors[k])) setErrors(Object.fromEntries(Object.entries(errors).filter(([k]) => !settles(key).includes(k))));
  };
  const set = (key: 'headline' | 'summary') => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => edit(key, e.target.value);
  /** The image as a whole changed (a library picture chosen, or removed): its errors are settled. */
  const replaceImage = (next: (old: OverrideForm) => OverrideForm) => {
    setForm(next);
    setErrors((old) => (Object.keys(old).some((k) => isImageErrorKey(k, IMAGE_BASE)) ? withoutImageErrors(old, IMAGE_BASE) : old));
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setSaving(true);
    const outcome = await saveItemForm({ form, from, until, item, picture: image.item, onSave }).finally(() => setSaving(false));
    switch (outcome.kind) {
      case 'unchanged':
        toast.info('Nothing to save: this item is unchanged.');
        onClose();
        return;
      case 'saved':
        toast.success('Item updated');
        onClose();
        return;
      default:
        if (outcome.errors) {
          if (Object.keys(outcome.errors).length > 0) focusErrors();
          setErrors(outcome.errors);
        }
        setProblem(outcome.problem);
    }
  };
  return (
    <Dialog title={`Rail item: ${card?.headline ?? 'story'}`} onClose={onClose} wide testId="item-dialog">
      <form ref={formRef} onSubmit={submit} className="item-dialog" noValidate>
        {problem && (
          <div className="error-box item-dialog-problem" role="alert" data-testid="item-dialog-problem">
            <p>{problem}</p>
          </div>
        )}
        <div className="item-dialog-fields">
          <p className="muted small">Leave a field empty to use the article’s own.</p>
          <Field label="Headline override" id="ov-headline" error={errors['overrides.headline']}>
            <input id="ov-headline" value={form.headline} maxLength={200} placeholder={card?.headline ?? ''} onChange={set('headline')} />
          </Field>
          <Field label="Summary override" id="ov-summary" error={errors['overrides.summary']} hint="One or two sentences.">
            <textarea id="ov-summary" rows={2} maxLength={400} value={form.summary} placeholder={card?.dek ?? ''} onChange={set('summary')} />
          </Field>
          <ItemImageField
            form={form}
            errors={errors}
            image={image}
            card={card}
            canUseMedia={canUseMedia}
            onEdit={edit}
            onRemove={() => {
              replaceImage(removeItemImage);
              image.removed();
            }}
            onImported={(picked) => {
              image.chosen(picked);
              replaceImage((old) => importedItemImage(old, picked));
            }}
          />
          <LibraryImagePicker
            image={image}
            title="Choose the rail item’s picture"
            shape={PICKER_SHAPES.listItemImage}
            onChoose={(picked, chosen) => {
              image.chosen(chosen);
              replaceImage((old) => chooseItemImage(old, picked));
            }}
          />
          <fieldset className="fieldset">
            <legend>When it shows (optional)</legend>
            <div className="two-col">
              <Field label="Show from" id="win-from" error={errors['window.from']}>
                <input id="win-from" type="datetime-local" value={from} onChange={(e) => { setFrom(e.target.value); setErrors(({ ['window.from']: _f, ['window.until']: _u, ...rest }) => rest); }} />
              </Field>
              <Field label="Show until" id="win-until" error={errors['window.until']} hint="After this it drops out by itself.">
                <input id="win-until" type="datetime-local" value={until} onChange={(e) => { setUntil(e.target.value); setErrors(({ ['window.from']: _f, ['window.until']: _u, ...rest }) => rest); }} />
              </Field>
            </div>
          </fieldset>
        </div>
        <div className="item-preview">
          <h3>Preview</h3>
          <div className="rail" data-testid="override-preview">
            <RailCard headline={view.headline} summary={view.summary} image={view.image} linked={false} typed={!library} emptyImageText={altOnly && !hasOwnImage ? 'No image: the article has none' : 'No image'} />
          </div>
          <p className="muted small" data-testid="preview-alt">
            Alt text: {view.image?.alt ? `“${view.image.alt}”` : <em>none</em>}
          </p>
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

/** The errors of an item that no field of its dialog shows, in words with their field's name (null when none). */
export function elsewhereText(errors: Record<string, string> | undefined): string | null {
  const lines = Object.entries(errors ?? {})
    .filter(([k]) => !shownInItemDialog(k))
    .map(([k, text]) => (k === 'item' ? text : `${fieldLabel(k)}: ${text}`));
  return lines.length ? lines.join('\n') : null;
}

/** Making an earlier published revision live again (confirmed, like every change readers see). */
function RollbackPanel({ list, busy, setBusy, onDone }: { list: FeaturedList; busy: boolean; setBusy: (b: boolean) => void; onDone: (list: Versioned<FeaturedList>) => void }) {
  const toast = useToast();
  const [rollbackTo, setRollbackTo] = useState('');
  const [confirming, setConfirming] = useState(false);
  const older = list.rollbackRevisions.filter((r) => r !== list.liveRevision).sort((a, b) => b - a);
  if (older.length === 0) return null;
  const rollback = async () => {
    setBusy(true);
    try {
      onDone(await request<FeaturedList>(`/api/lists/${list.slug}/rollback`, { method: 'POST', body: { revision: Number(rollbackTo) }, ifMatch: list.version }));
      toast.success(`Revision ${rollbackTo} is live again`);
      setConfirming(false);
    } catch (e) {
      toast.error(e instanceof ApiError && e.status === 412 ? 'Someone published or rolled back this list while you were working, so nothing was rolled back. Reload the page to see what is live now.' : messageOf(e));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="rollback-title">
      <h2 id="rollback-title">Earlier revisions</h2>
      <div className="field">
        <label htmlFor="rollback-to">Make an earlier revision live again</label>
        <select id="rollback-to" value={rollbackTo} onChange={(e) => setRollbackTo(e.target.value)}>
          <option value="">Choose a revision</option>
          {older.map((r) => (
            <option key={r} value={r}>
              Revision {r}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button button-block" disabled={busy || !rollbackTo} onClick={() => setConfirming(true)}>
        Roll back
      </button>
      {confirming && (
        <Dialog title={`Make revision ${rollbackTo} live again?`} onClose={() => setConfirming(false)}>
          <p>Readers will see revision {rollbackTo} at once, as a new revision. The draft is not changed.</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void rollback()}>
              Roll back
            </button>
          </div>
        </Dialog>
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
