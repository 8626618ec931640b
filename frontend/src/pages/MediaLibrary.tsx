import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { get } from '../lib/api';
import { appendPage, firstPage, GRID_SIZES, mediaListUrl, mediaPagePath, prependItem, removeItem, replaceItem, shapeOf, showsInGrid } from '../lib/media';
import type { MediaItem, MediaPage } from '../lib/types';
import { messageOf } from '../problem';
import { abilities, useUser } from '../session';
import { ErrorBox, Loading, PageHeader, useDebounced, useLoad } from '../ui/common';
import { Dialog } from '../ui/Dialog';
import { MediaPicture, NeedsAltBadge } from '../ui/MediaPicture';
import { MediaUploader } from '../ui/MediaUploader';
import { useToast } from '../ui/Toasts';
import { MediaDetail } from './media/MediaDetail';

/** `/media` and `/media/:id`: every newsroom role; the services decide again on every call. */
export function MediaLibrary() {
  const can = abilities(useUser());
  if (!can.usesMedia) {
    return (
      <>
        <PageHeader title="Media library" />
        <p data-testid="not-allowed">The media library is for the newsroom: writers, editors, curators and admins. Ask an admin for one of those roles.</p>
      </>
    );
  }
  return <Library canDelete={can.deletesMedia} />;
}

/**
 * The pictures, newest first, with search and tag filter (kept in the URL), "Load more" with the server's cursor,
 * the upload zone, and the selected picture's panel beside the grid (`/media/:id`). Choosing a picture replaces the
 * address rather than adding a history entry: it is a selection on this page.
 */
function Library({ canDelete }: { canDelete: boolean }) {
  const toast = useToast();
  const navigate = useNavigate();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const tag = params.get('tag') ?? '';
  const [q, setQ] = useState(params.get('q') ?? '');
  const debouncedQ = useDebounced(q.trim(), 300);
  const search = params.toString() ? `?${params.toString()}` : '';
  const [loadingMore, setLoadingMore] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<{ to: string; name: string } | null>(null);
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
  }, []);

  const filterKey = `${debouncedQ}\u0000${tag}`;
  const filterRef = useRef(filterKey);
  filterRef.current = filterKey;
  const { data, setData, error, loading, reload } = useLoad(
    (signal) => get<MediaPage>(mediaListUrl({ q: debouncedQ, tag }), signal).then(firstPage),
    [debouncedQ, tag],
  );

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const loadMore = async () => {
    if (!data?.next) return;
    const asked = filterKey;
    setLoadingMore(true);
    try {
      const page = await get<MediaPage>(mediaListUrl({ q: debouncedQ, tag, cursor: data.next }));
      // The filters changed meanwhile: this page belongs to another list.
      if (filterRef.current === asked) setData((old) => (old ? appendPage(old, page) : old));
    } catch (e) {
      toast.error(messageOf(e));
    } finally {
      setLoadingMore(false);
    }
  };

  /** Goes to another picture (or back to none), asking first when the open one has unsaved changes. */
  const go = (to: string, name: string, event?: React.MouseEvent) => {
    if (!dirty) return;
    event?.preventDefault();
    setPending({ to, name });
  };
  const close = useCallback(() => {
    if (id) setReturnTo(id);
    navigate(`/media${search}`, { replace: true });
  }, [id, navigate, search]);

  // After the panel closes, focus goes back to the picture it showed.
  useEffect(() => {
    if (id || !returnTo) return;
    document.querySelector<HTMLElement>(`li[data-media-id="${CSS.escape(returnTo)}"] a`)?.focus();
    setReturnTo(null);
  }, [id, returnTo]);

  // Unsaved description: leaving the page asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const onUploaded = (item: MediaItem, alreadyInLibrary: boolean) => {
    if (!alreadyInLibrary && showsInGrid(item, { q: debouncedQ, tag })) setData((old) => (old ? prependItem(old, item) : old));
  };

  const filtered = !!debouncedQ || !!tag;
  const items = data?.items ?? [];
  return (
    <>
      <PageHeader title="Media library" subtitle="Pictures for articles, featured lists and author photos. Give each one alt text before it is published." />

      <section className="panel media-add" aria-labelledby="media-add-title">
        <h2 id="media-add-title">Add pictures</h2>
        <MediaUploader
          onUploaded={onUploaded}
          itemAction={(item, row) => (
            <Link
              to={`${mediaPagePath(item.id)}${search}`}
              replace
              className="button button-small"
              onClick={(e) => go(`${mediaPagePath(item.id)}${search}`, item.filename, e)}
              data-testid={row.state === 'duplicate' ? 'open-existing' : 'describe-new'}
            >
              {row.state === 'duplicate' ? 'Show it' : item.readyForPublishing ? 'Open it' : 'Describe it'}
              <span className="sr-only"> ({item.filename})</span>
            </Link>
          )}
        />
      </section>

      <form className="filters media-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="m-q">Search</label>
          <input
            id="m-q"
            type="search"
            value={q}
            placeholder="Alt text, caption, credit or file name"
            onChange={(e) => {
              setQ(e.target.value);
              set('q', e.target.value.trim());
            }}
            data-testid="media-search"
          />
        </div>
        <div className="field">
          <label htmlFor="m-tag">Tag</label>
          <input id="m-tag" list="m-tag-options" value={tag} placeholder="e.g. portrait" onChange={(e) => set('tag', e.target.value.trim())} data-testid="media-tag" />
          <datalist id="m-tag-options">
            {[...new Set(items.flatMap((i) => i.tags ?? []))].sort().map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </div>
      </form>

      <div className={id ? 'media-layout media-layout-open' : 'media-layout'}>
        <section className="media-browse" aria-label="Pictures">
          <ErrorBox error={error} onRetry={reload} />
          {loading && !data && <Loading what="Loading pictures" />}
          {data && (
            <p className="muted" aria-live="polite" data-testid="media-count">
              {items.length === 0
                ? filtered
                  ? 'No picture matches. Try other words or another tag.'
                  : 'The library is empty. Add pictures above.'
                : `${items.length} picture${items.length === 1 ? '' : 's'}${data.next ? ' shown; more below' : ''}`}
              {loading && ' · updating…'}
            </p>
          )}
          {items.length > 0 && (
            <ul className="media-grid" data-testid="media-grid">
              {items.map((item) => {
                const selected = item.id === id;
                const to = `${mediaPagePath(item.id)}${search}`;
                return (
                  <li key={item.id} data-media-id={item.id}>
                    <Link
                      to={to}
                      replace
                      className={selected ? 'media-card media-card-selected' : 'media-card'}
                      aria-current={selected ? 'true' : undefined}
                      onClick={(e) => !selected && go(to, item.filename, e)}
                      data-testid="media-card"
                    >
                      <MediaPicture shape={shapeOf(item)} alt={item.altText ?? ''} sizes={GRID_SIZES} className="media-thumb" />
                      <span className="media-card-text">
                        <span className="media-card-name">{item.filename}</span>
                        {!item.readyForPublishing && <NeedsAltBadge />}
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
          {data?.next && (
            <div className="pager">
              <button type="button" className="button" onClick={() => void loadMore()} disabled={loadingMore} data-testid="load-more-media">
                {loadingMore ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
        </section>

        {id && (
          <MediaDetail
            key={id}
            id={id}
            canDelete={canDelete}
            focusOnOpen={mounted.current}
            onDirtyChange={setDirty}
            onSaved={(item) => setData((old) => (old ? replaceItem(old, item) : old))}
            onDeleted={(gone) => {
              setData((old) => (old ? removeItem(old, gone) : old));
              setDirty(false);
              navigate(`/media${search}`, { replace: true });
              // Its card is gone: the page itself takes the focus (the next Tab reaches the skip link's target).
              document.getElementById('main')?.focus({ preventScroll: true });
            }}
            onClose={() => (dirty ? setPending({ to: `/media${search}`, name: '' }) : close())}
          />
        )}
      </div>

      {pending && (
        <Dialog title="Leave without saving?" onClose={() => setPending(null)} testId="discard-dialog">
          <p>Your changes to this picture’s description are not saved yet.</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setPending(null)}>
              Keep editing
            </button>
            <button
              type="button"
              className="button button-danger"
              onClick={() => {
                const to = pending.to;
                setPending(null);
                setDirty(false);
                const closing = to === '/media' || to.startsWith('/media?');
                if (closing && id) setReturnTo(id);
                navigate(to, { replace: true });
              }}
              data-testid="discard-changes"
            >
              Discard changes{pending.name ? ` and open ${pending.name}` : ''}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
