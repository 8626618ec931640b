import { cloneElement, isValidElement, useCallback, useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { messageOf } from '../problem';
import { articleState, STATUS_LABELS } from '../lib/workflow';
import type { ArticleStatus } from '../lib/types';

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="loading" aria-busy="true" role="status">
      <span className="spinner" aria-hidden="true" /> {what}…
    </p>
  );
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <div className="error-box" role="alert">
      <p>{messageOf(error)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function StatusBadge({ status }: { status: ArticleStatus }) {
  return <span className={`badge badge-${status.toLowerCase()}`}>{STATUS_LABELS[status] ?? status}</span>;
}

/** One badge for an article's whole state ("Live · unpublished changes", "Changes requested", …). */
export function ArticleStateBadge({ article, testId }: { article: { status: ArticleStatus; live: boolean; changesRequested?: boolean | null }; testId?: string }) {
  const state = articleState(article);
  return (
    <span className={`badge badge-state badge-${state.tone}`} title={state.detail} data-testid={testId}>
      {state.label}
    </span>
  );
}

export function LiveBadge({ live }: { live: boolean }) {
  return live ? <span className="badge badge-live" title="A revision of this article is public">Live</span> : null;
}

/**
 * A labelled input with its hint or its error (never both): the input gets aria-invalid and aria-describedby,
 * so the error is read with the field and `focusFirstError` finds it.
 */
export function Field({ label, id, error, hint, children }: { label: string; id: string; error?: string; hint?: string; children: ReactNode }) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  const input = isValidElement(children)
    ? cloneElement(children as ReactElement<Record<string, unknown>>, { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })
    : children;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {input}
      {hint && !error && (
        <small className="hint" id={`${id}-hint`}>
          {hint}
        </small>
      )}
      {error && (
        <small className="field-error" id={`${id}-error`}>
          {error}
        </small>
      )}
    </div>
  );
}

/**
 * Moves to the first field with an error (in page order) inside `root`: scrolls it to the middle of the screen and
 * focuses it, so a person sees what to fix without hunting. Closed <details> around it are opened first.
 */
export function focusFirstError(root: ParentNode = document): boolean {
  const target = root.querySelector<HTMLElement>('[aria-invalid="true"], [data-error-anchor]');
  if (!target) return false;
  for (let el: HTMLElement | null = target; el; el = el.parentElement) if (el instanceof HTMLDetailsElement) el.open = true;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
  return true;
}

/** Runs focusFirstError after the render that shows new errors, when a submit asked for it. */
export function useFocusOnErrors(errors: Record<string, string>) {
  const wanted = useRef(false);
  useEffect(() => {
    if (wanted.current && Object.keys(errors).length > 0) {
      wanted.current = false;
      focusFirstError();
    }
  }, [errors]);
  return useCallback(() => {
    wanted.current = true;
  }, []);
}

/** Loads data for a screen, with loading and error states and a reload. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    loadRef
      .current(controller.signal)
      .then((value) => {
        if (!controller.signal.aborted) setData(value);
      })
      .catch((e) => {
        if (!controller.signal.aborted) setError(e);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, setData, error, loading, reload };
}

export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function PageHeader({ title, children, subtitle }: { title: string; subtitle?: ReactNode; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Newsroom CMS`;
  }, [title]);
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle && <p className="subtitle">{subtitle}</p>}
      </div>
      {children && <div className="page-actions">{children}</div>}
    </div>
  );
}
