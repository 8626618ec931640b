import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../problem';
import { get, query } from '../../lib/api';
import { RELATED_MAX, addRelated, cannotAdd, moveRelated, movedWords, relatedCandidates, relatedLabel, removeRelated, unknownIds } from '../../lib/related';
import type { Article, ArticleSummary, Page } from '../../lib/types';
import { ErrorBox, Loading, useDebounced, useLoad } from '../../ui/common';

type Known = Record<string, { headline: string; live: boolean } | null>;

/**
 * Related articles chosen by hand: the picks in the order readers get them (each shown by its headline, moved up or
 * down with buttons, removed), and a search of the editorial list to add more (published articles first; a draft may
 * be picked and reaches readers once it is published). Saved with the article like its other fields; the server's
 * errors for the list are said once, at the list. Readers get the published picks first, then articles sharing the
 * section and tags.
 */
export function RelatedPanel({ related, selfId, error, disabled, onChange }: {
  related: string[];
  /** The article's own id (null while it is new). */
  selfId: string | null;
  error?: string;
  disabled: boolean;
  onChange: (related: string[]) => void;
}) {
  const [known, setKnown] = useState<Known>({});
  const [announcement, setAnnouncement] = useState('');
  const [q, setQ] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const debounced = useDebounced(q.trim(), 300);
  const listRef = useRef<HTMLOListElement>(null);

  // the headlines of picks this panel has not seen in a search (those saved before), one request each (at most ten)
  const missing = unknownIds(related, known).join(',');
  useEffect(() => {
    if (!missing) return;
    const controller = new AbortController();
    for (const id of missing.split(',')) {
      get<Article>(`/api/articles/${id}`, controller.signal)
        .then((a) => setKnown((k) => ({ ...k, [id]: { headline: a.headline, live: a.live } })))
        .catch((e) => {
          if (!controller.signal.aborted && e instanceof ApiError && e.status === 404) setKnown((k) => ({ ...k, [id]: null }));
        });
    }
    return () => controller.abort();
  }, [missing]);

  const search = useLoad(
    (signal) =>
      debounced
        ? get<Page<ArticleSummary>>('/api/articles' + query({ q: debounced, sort: 'relevance', size: 20 }), signal)
        : Promise.resolve(undefined),
    [debounced],
  );
  // published ones first: those are what readers can be sent to today
  const results = [...(search.data?.items ?? [])].sort((a, b) => Number(b.live) - Number(a.live));
  const candidates = relatedCandidates(results, related, selfId);

  const add = (a: ArticleSummary) => {
    const why = cannotAdd(related, a.id, selfId);
    setNote(why);
    if (why) return;
    setKnown((k) => ({ ...k, [a.id]: { headline: a.headline, live: a.live } }));
    onChange(addRelated(related, a.id, selfId));
    setAnnouncement(`Added “${a.headline}” as related article ${related.length + 1} of ${related.length + 1}.`);
  };
  const move = (index: number, by: -1 | 1) => {
    const next = moveRelated(related, index, by);
    onChange(next);
    setAnnouncement(movedWords(relatedLabel(related[index], known[related[index]]), index + by, related.length));
    // keep the focus on the same button of the moved row, so pressing again moves it further (at an end, where that
    // button is disabled, on the other one)
    requestAnimationFrame(() => {
      const same = listRef.current?.querySelector<HTMLButtonElement>(`[data-move="${index + by}:${by}"]`);
      (same && !same.disabled ? same : listRef.current?.querySelector<HTMLButtonElement>(`[data-move="${index + by}:${-by}"]`))?.focus();
    });
  };
  const remove = (index: number) => {
    setAnnouncement(`Removed “${relatedLabel(related[index], known[related[index]])}”.`);
    setNote(null);
    onChange(removeRelated(related, index));
  };

  return (
    <details className="advanced related-panel" data-testid="related-panel" open={related.length > 0 || !!error || undefined}>
      <summary>Related articles{related.length ? ` (${related.length})` : ''}</summary>
      <div className={error ? 'field field-invalid' : 'field'}>
        <span className="label" id="related-label">
          Chosen by hand, in the order readers see them
        </span>
        {related.length === 0 ? (
          <p className="muted small">None chosen: readers get articles sharing this one’s section and tags.</p>
        ) : (
          <ol className="related-list" ref={listRef} aria-labelledby="related-label" aria-describedby={error ? 'related-error' : undefined} data-testid="related-list">
            {related.map((id, index) => {
              const label = relatedLabel(id, known[id]);
              return (
                <li key={id} className="picker-row">
                  <span>{label}</span>
                  <span className="row-actions">
                    <button type="button" className="button button-small" disabled={disabled || index === 0} data-move={`${index}:-1`}
                      onClick={() => move(index, -1)} aria-label={`Move “${label}” up`}>
                      Up
                    </button>
                    <button type="button" className="button button-small" disabled={disabled || index === related.length - 1} data-move={`${index}:1`}
                      onClick={() => move(index, 1)} aria-label={`Move “${label}” down`}>
                      Down
                    </button>
                    <button type="button" className="button button-small" disabled={disabled} onClick={() => remove(index)} aria-label={`Remove “${label}”`}>
                      Remove
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
        {error && (
          <small className="field-error" id="related-error">
            {error}
          </small>
        )}
        <p className="sr-only" aria-live="polite" role="status" data-testid="related-announcement">
          {announcement}
        </p>
      </div>
      {!disabled && (
        <div className="field">
          <label htmlFor="related-search">Find an article to add</label>
          <input id="related-search" type="search" value={q} placeholder="Words from the headline or story"
            onChange={(e) => setQ(e.target.value)} aria-describedby="related-search-hint" />
          <small className="hint" id="related-search-hint">
            {related.length >= RELATED_MAX ? `The list is full (${RELATED_MAX}); remove one to add another.` : `Up to ${RELATED_MAX}; published articles are listed first.`}
          </small>
          {note && <small className="field-error">{note}</small>}
          <ErrorBox error={search.error} />
          {search.loading && debounced && <Loading what="Searching" />}
          {debounced && search.data && (
            <ul className="picker-results" aria-label="Articles to add" data-testid="related-results">
              {candidates.length === 0 && (
                <li className="muted small">
                  {results.some((a) => a.id !== selfId) ? 'Every article that matches is already in the list.' : `No other article matches “${debounced}”.`}
                </li>
              )}
              {candidates.map((a) => (
                <li key={a.id} className="picker-row">
                  <span>{relatedLabel(a.id, { headline: a.headline, live: a.live })}</span>
                  <button type="button" className="button button-small" disabled={related.length >= RELATED_MAX} onClick={() => add(a)}
                    aria-label={`Add “${a.headline}”`}>
                    Add
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </details>
  );
}
