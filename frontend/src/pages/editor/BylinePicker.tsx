import { useEffect, useId, useState } from 'react';
import { get, query } from '../../lib/api';
import type { Author, Page } from '../../lib/types';
import { useDebounced } from '../../ui/common';

/**
 * Chooses the byline from the authors service: search, add, remove, reorder by buttons. The signed-in person's own
 * profile is marked and offered first; someone without a profile is told how to get one.
 */
export function BylinePicker({ value, onChange, names, disabled, me, username, error }: {
  value: string[];
  onChange: (ids: string[]) => void;
  names: Map<string, Author>;
  disabled?: boolean;
  /** The signed-in person's profile: undefined while loading, null when there is none. */
  me?: Author | null;
  username?: string;
  /** Shown at the field, in words (e.g. "Add at least one author to the byline before submitting."). */
  error?: string;
}) {
  const id = useId();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim(), 250);
  const [results, setResults] = useState<Author[]>([]);
  const [searching, setSearching] = useState(false);
  const [known, setKnown] = useState<Map<string, Author>>(new Map());

  useEffect(() => {
    if (!debounced) {
      setResults([]);
      return;
    }
    const controller = new AbortController();
    setSearching(true);
    get<Page<Author>>('/api/authors' + query({ q: debounced, active: true, size: 8 }), controller.signal)
      .then((page) => setResults(page.items))
      .catch(() => setResults([]))
      .finally(() => setSearching(false));
    return () => controller.abort();
  }, [debounced]);

  const nameOf = (authorId: string) =>
    (me && me.id === authorId ? me.displayName : undefined) ?? known.get(authorId)?.displayName ?? names.get(authorId)?.displayName ?? 'Unknown author';
  const add = (author: Author) => {
    setKnown((m) => new Map(m).set(author.id, author));
    if (!value.includes(author.id)) onChange([...value, author.id]);
    setQ('');
  };
  const candidates = results.filter((a) => !value.includes(a.id));

  return (
    <fieldset className={error ? 'fieldset field-invalid' : 'fieldset'} disabled={disabled} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>Byline</legend>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {value.length === 0 ? (
        <p className="muted small">No author yet. Search below to add one.</p>
      ) : (
        <ul className="byline-list" aria-label="Authors on the byline">
          {value.map((authorId, index) => (
            <li key={authorId} className="byline-item">
              <span>
                {nameOf(authorId)}
                {me && me.id === authorId && <span className="muted small"> (you)</span>}
              </span>
              <span className="byline-actions">
                {index > 0 && (
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${nameOf(authorId)} earlier`}
                    onClick={() => {
                      const next = [...value];
                      [next[index - 1], next[index]] = [next[index], next[index - 1]];
                      onChange(next);
                    }}
                  >
                    ↑
                  </button>
                )}
                <button type="button" className="icon-button" aria-label={`Remove ${nameOf(authorId)} from the byline`} onClick={() => onChange(value.filter((x) => x !== authorId))}>
                  ×
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {me && !value.includes(me.id) && (
        <button type="button" className="button button-small" onClick={() => add(me)} data-testid="byline-add-me">
          Add me ({me.displayName})
        </button>
      )}
      {me === null && (
        <p className="muted small" data-testid="byline-no-profile">
          You have no author profile, so you cannot put yourself on a byline. An admin creates one under “Authors” with the Keycloak username{' '}
          <code>{username}</code>; then it appears here and under “My profile”.
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-q`}>Add an author</label>
        <input
          id={`${id}-q`}
          type="search"
          value={q}
          placeholder="Search authors by name"
          autoComplete="off"
          onChange={(e) => setQ(e.target.value)}
          data-testid="byline-search"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      {debounced && (
        <ul className="picker-results" aria-live="polite" aria-label="Matching authors">
          {searching && candidates.length === 0 && <li className="muted small">Searching…</li>}
          {!searching && candidates.length === 0 && <li className="muted small">No active author matches “{debounced}”.</li>}
          {candidates.map((a) => (
            <li key={a.id}>
              <button type="button" className="picker-option" onClick={() => add(a)}>
                <strong>{a.displayName}</strong>
                {me && me.id === a.id && <span className="muted"> (you)</span>}
                {a.jobTitle && <span className="muted"> · {a.jobTitle}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
