import { useCallback, useEffect, useRef, useState } from 'react';
import { sameContent } from '../../lib/articleForm';
import { conflictRows } from '../../lib/conflict';
import {
  describeOffer,
  editorLockName,
  forgetUnsent,
  keepUnsent,
  orphans,
  pruneUnsent,
  recoveryOffer,
  unsentKey,
  type KeyValueStore,
  type RecoveryOffer,
  type UnsentEdits,
} from '../../lib/recovery';
import type { ArticleContent } from '../../lib/types';

/** localStorage, or nothing where the browser refuses it (private modes, disabled storage). */
function browserStore(): KeyValueStore | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}

const newEditorId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** The records some open editor holds (Web Locks); empty where the browser has none (then every other record is offered). */
async function openEditorKeys(): Promise<Set<string>> {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  if (!locks?.query) return new Set();
  try {
    const state = await locks.query();
    return new Set((state.held ?? []).map((l) => l.name ?? '').filter((n) => n.endsWith('#open')).map((n) => n.slice(0, -'#open'.length)));
  } catch {
    return new Set();
  }
}

/** Holds the Web Lock `name` until the returned function is called; null when another tab holds it (or no locks). */
async function hold(name: string, ifAvailable: boolean): Promise<(() => void) | null> {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  if (!locks?.request) return () => undefined;
  return new Promise((resolveHold) => {
    locks
      .request(name, { ifAvailable }, (lock) => {
        if (!lock) {
          resolveHold(null);
          return undefined;
        }
        return new Promise<void>((release) => resolveHold(() => release()));
      })
      .catch(() => resolveHold(() => undefined));
  });
}

export interface UnsentEditsState {
  /** A crashed or closed tab's unsent edits, waiting for the person's choice (the form waits too). */
  offer: RecoveryOffer;
  /** Whether the check for such edits is still running or an offer waits: the form is not to be typed in yet. */
  pending: boolean;
  /** The person chose: the offer's record is forgotten (its edits, if restored, are this editor's own now). */
  settle: () => void;
  /** The last change could not be kept in the browser (storage full or refused). */
  keepFailed: boolean;
}

/**
 * Keeps the article editor's unsent edits in localStorage on every change (under this editor's own key, naming the
 * person), forgets them once the server acknowledged them (the form equals what was last saved), and on opening finds
 * the edits a crashed or closed tab left for this article (or for a new article) to offer back.
 */
export function useUnsentEdits({ user, articleId, ready, form, base, version, active }: {
  user: string;
  articleId: string | null;
  /** The article is loaded (always, for a new one): `base` and `version` are the server's. */
  ready: boolean;
  form: ArticleContent;
  /** What the server has acknowledged (the content of `version`). */
  base: ArticleContent;
  version: number | null;
  /** The person may edit here: only then are edits kept. */
  active: boolean;
}): UnsentEditsState {
  const store = useRef(browserStore()).current;
  const key = useRef(unsentKey(user, newEditorId())).current;
  const [offer, setOffer] = useState<RecoveryOffer>({ kind: 'none' });
  const [offerKey, setOfferKey] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const [round, setRound] = useState(0);
  const [keepFailed, setKeepFailed] = useState(false);
  const releaseOffered = useRef<(() => void) | null>(null);
  const server = useRef<{ content: ArticleContent; version: number | null } | null>(null);
  if (ready && !server.current && articleId) server.current = { content: base, version };

  // This editor is open: its lock says so to every other tab, and goes with the page (a crash or a closed tab too).
  useEffect(() => {
    let release: (() => void) | null = null;
    let gone = false;
    void hold(editorLockName(key), false).then((r) => {
      if (gone) r?.();
      else release = r;
    });
    return () => {
      gone = true;
      release?.();
      releaseOffered.current?.();
    };
  }, [key]);

  // On opening (and after each choice): the newest edits of this article (or of a new one) no open editor holds.
  useEffect(() => {
    if (!ready || !store) {
      if (ready) setChecked(true);
      return;
    }
    let cancelled = false;
    void (async () => {
      pruneUnsent(store, user);
      const open = await openEditorKeys();
      for (const candidate of orphans(store, user, articleId, open, key)) {
        const found = recoveryOffer(candidate.edits, articleId ? server.current : null);
        if (found.kind === 'none') {
          forgetUnsent(store, candidate.key); // its save did reach the server
          continue;
        }
        const release = await hold(editorLockName(candidate.key), true);
        if (!release) continue; // another tab is offering it right now
        if (cancelled) {
          release();
          return;
        }
        releaseOffered.current = release;
        setOffer(found);
        setOfferKey(candidate.key);
        setChecked(true);
        return;
      }
      if (!cancelled) {
        setOffer({ kind: 'none' });
        setOfferKey(null);
        setChecked(true);
      }
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, round]);

  const settle = useCallback(() => {
    if (store && offerKey) forgetUnsent(store, offerKey);
    releaseOffered.current?.();
    releaseOffered.current = null;
    setOffer({ kind: 'none' });
    setOfferKey(null);
    setRound((r) => r + 1); // more than one may be waiting
  }, [store, offerKey]);

  // Every change is kept until the server has it; then it is forgotten.
  const pending = !checked || offer.kind !== 'none';
  useEffect(() => {
    if (!store || !active || pending) return;
    if (sameContent(form, base)) {
      forgetUnsent(store, key);
      setKeepFailed(false);
      return;
    }
    const edits: UnsentEdits = { v: 1, user, editor: key, articleId, baseVersion: version, base, content: form, savedAt: Date.now() };
    setKeepFailed(!keepUnsent(store, key, edits, new Set([key])));
  }, [store, key, user, articleId, form, base, version, active, pending]);

  return { offer, pending: ready && pending, settle, keepFailed };
}

/**
 * The offer above the editor: restore or discard a crashed or closed tab's unsent edits; when the server moved on since,
 * compare (the conflict dialog shows both, field by field). Someone who may no longer edit the article sees their text
 * to copy, and may discard it.
 */
export function UnsentEditsBanner({ offer, readOnly, current, onRestore, onCompare, onDiscard }: {
  offer: RecoveryOffer;
  readOnly: boolean;
  /** What the editor shows now (the server's version). */
  current: ArticleContent;
  onRestore: () => void;
  onCompare: () => void;
  onDiscard: () => void;
}) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [offer]);
  if (offer.kind === 'none') return null;
  const rows = conflictRows(offer.edits.base, offer.edits.content, current).filter((r) => r.changedByMe);
  return (
    <section ref={ref} className="notice recovery-notice" role="region" aria-labelledby="recovery-title" tabIndex={-1} data-testid="unsent-edits">
      <h2 id="recovery-title" className="recovery-title">
        Unsaved changes found
      </h2>
      <p data-testid="unsent-edits-text">{describeOffer(offer)}</p>
      {readOnly && <p>You can no longer edit this article in its present state: copy what you need from your text below, then discard it.</p>}
      <details open={readOnly}>
        <summary>Your unsaved text ({rows.length === 1 ? '1 field' : `${rows.length} fields`})</summary>
        <dl className="recovery-fields">
          {rows.map((r) => (
            <div key={r.field}>
              <dt>{r.label}</dt>
              <dd>
                <pre className="conflict-text">{r.mine || '—'}</pre>
              </dd>
            </div>
          ))}
        </dl>
      </details>
      <div className="recovery-actions">
        {!readOnly && offer.kind === 'restore' && (
          <button type="button" className="button button-primary" onClick={onRestore} data-testid="restore-unsent">
            Restore
          </button>
        )}
        {!readOnly && offer.kind === 'diverged' && (
          <button type="button" className="button button-primary" onClick={onCompare} data-testid="compare-unsent">
            Compare and choose…
          </button>
        )}
        <button type="button" className="button button-danger-quiet" onClick={onDiscard} data-testid="discard-unsent">
          Discard
        </button>
      </div>
    </section>
  );
}
