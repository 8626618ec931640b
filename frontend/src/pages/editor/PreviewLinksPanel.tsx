import { useEffect, useRef, useState } from 'react';
import { get, request } from '../../lib/api';
import { formatShort } from '../../lib/format';
import {
  absoluteUrl, DEFAULT_LIFETIME, expiryFor, LIFETIMES, previewErrors, revisionOptions, STATE_LABELS, stateWords,
  type CreatedPreviewLink, type Lifetime, type PreviewLink,
} from '../../lib/previewLinks';
import type { RevisionSummary } from '../../lib/types';
import { ApiError, messageOf } from '../../problem';
import { ErrorBox, Field, Loading, useLoad } from '../../ui/common';
import { useToast } from '../../ui/Toasts';

/**
 * "Share preview": a private, expiring link to one revision of the article for someone without an account, read-only
 * and never indexed. Make one (the current revision is saved first, or an older one), copy its address (shown this once
 * only), see the article's links and revoke one. Errors are said at their field, in words.
 */
export function PreviewLinksPanel({ articleId, workingRevision, refresh, flush }: {
  articleId: string;
  /** Changes when a save starts a new revision: the list of revisions is read again. */
  workingRevision: number;
  refresh: number;
  /** Saves what is pending; false when it could not be saved (the editor says why). */
  flush: () => Promise<boolean>;
}) {
  const toast = useToast();
  const [revision, setRevision] = useState('');
  const [lifetime, setLifetime] = useState<Lifetime>(DEFAULT_LIFETIME);
  const [until, setUntil] = useState('');
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedPreviewLink | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const urlRef = useRef<HTMLInputElement>(null);

  const revisions = useLoad((signal) => get<{ items: RevisionSummary[] }>(`/api/articles/${articleId}/revisions`, signal), [articleId, workingRevision]);
  const links = useLoad((signal) => get<{ items: PreviewLink[] }>(`/api/articles/${articleId}/previews`, signal), [articleId, refresh]);

  useEffect(() => {
    if (created) urlRef.current?.focus();
  }, [created]);

  const clear = (field: string) => {
    setMessage(null);
    setErrors((current) => {
      if (!current[field]) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });
  };

  const create = async (event: React.FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const expiry = expiryFor(lifetime, until);
    if (expiry.error) {
      setErrors({ expiresAt: expiry.error });
      document.getElementById(lifetime === 'custom' ? 'preview-until' : 'preview-lifetime')?.focus();
      return;
    }
    setBusy(true);
    try {
      // the current revision is what the editor shows: saved first, so the link shows exactly that
      if (!revision && !(await flush())) {
        setMessage('Your latest changes could not be saved, so no link was made. Fix what the editor shows, then try again.');
        return;
      }
      const body: Record<string, unknown> = { expiresAt: expiry.expiresAt, label: label.trim() || null };
      if (revision) body.revision = Number(revision);
      const result = await request<CreatedPreviewLink>(`/api/articles/${articleId}/previews`, { method: 'POST', body });
      setCreated(result.data);
      setCopied(null);
      setErrors({});
      setLabel('');
      links.reload();
      revisions.reload();
    } catch (e) {
      if (e instanceof ApiError) {
        const split = previewErrors(e.status, e.problem);
        setErrors(split.fields);
        setMessage(split.message);
        const first = (['revision', 'expiresAt', 'label'] as const).find((f) => split.fields[f]);
        if (first) {
          const id = first === 'revision' ? 'preview-revision' : first === 'label' ? 'preview-label' : lifetime === 'custom' ? 'preview-until' : 'preview-lifetime';
          document.getElementById(id)?.focus();
        }
      } else {
        setMessage(messageOf(e));
      }
    } finally {
      setBusy(false);
    }
  };

  const url = created ? absoluteUrl(created.url, window.location.origin) : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Copied. Paste it into your message.');
    } catch {
      urlRef.current?.select();
      setCopied('Selected: press Ctrl+C (⌘C on a Mac) to copy it.');
    }
  };

  const revoke = async (link: PreviewLink) => {
    try {
      await request(`/api/articles/${articleId}/previews/${link.id}`, { method: 'DELETE' });
      toast.success('Link revoked: it now opens a “not available” page.');
      if (created?.id === link.id) setCreated(null);
      links.reload();
    } catch (e) {
      toast.error(messageOf(e));
    } finally {
      setConfirming(null);
    }
  };

  const options = revisionOptions(revisions.data?.items ?? []);
  const lifetimeError = lifetime === 'custom' ? undefined : errors.expiresAt;
  return (
    <section className="panel panel-share" aria-labelledby="share-title" data-testid="share-preview">
      <h2 id="share-title">Share preview</h2>
      <p className="muted small">
        A private link to one revision, read-only, for someone without an account. It is never indexed or listed anywhere
        public, and it stops working when it expires or you revoke it.
      </p>
      <form onSubmit={create} noValidate aria-label="New preview link">
        <Field label="Revision" id="preview-revision" error={errors.revision}>
          <select id="preview-revision" value={revision} onChange={(e) => { setRevision(e.target.value); clear('revision'); }}>
            <option value="">Current revision (saved first)</option>
            {options.map((o) => (
              <option key={o.value} value={String(o.value)}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Link works for" id="preview-lifetime" error={lifetimeError}>
          <select id="preview-lifetime" value={lifetime} onChange={(e) => { setLifetime(e.target.value as Lifetime); clear('expiresAt'); }}>
            {LIFETIMES.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </Field>
        {lifetime === 'custom' && (
          <Field label="Works until" id="preview-until" error={errors.expiresAt} hint="Your time zone; at most 30 days from now.">
            <input id="preview-until" type="datetime-local" value={until} onChange={(e) => { setUntil(e.target.value); clear('expiresAt'); }} />
          </Field>
        )}
        <Field label="Shared with (optional)" id="preview-label" error={errors.label} hint="Whom you send it to, for the list below.">
          <input id="preview-label" value={label} maxLength={100} onChange={(e) => { setLabel(e.target.value); clear('label'); }} />
        </Field>
        {message && (
          <p className="field-error" role="alert" data-testid="preview-error">
            {message}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create link'}
        </button>
      </form>

      {created && (
        <div className="preview-created" data-testid="preview-created">
          <label htmlFor="preview-url">
            Link to revision {created.revision}, until {formatShort(created.expiresAt)}. Copy it now: it is shown only this once.
          </label>
          <div className="copy-row">
            <input id="preview-url" ref={urlRef} readOnly value={url} onFocus={(e) => e.target.select()} data-testid="preview-url" />
            <button type="button" className="button" onClick={() => void copy()}>
              Copy link
            </button>
          </div>
          <p className="muted small" role="status" aria-live="polite">
            {copied ?? ''}
          </p>
        </div>
      )}

      <h3 className="share-list-title">Links of this article</h3>
      <ErrorBox error={links.error} onRetry={links.reload} />
      {links.loading && !links.data && <Loading what="Loading the links" />}
      {links.data && links.data.items.length === 0 && <p className="muted small">None yet.</p>}
      <ul className="share-list" data-testid="preview-links">
        {(links.data?.items ?? []).map((link) => (
          <li key={link.id} className={`share-item share-${link.state}`} data-testid="preview-link" data-state={link.state}>
            <div>
              <strong>Revision {link.revision}</strong>
              {link.label && <> · {link.label}</>}{' '}
              <span className={`badge badge-share-${link.state}`}>{STATE_LABELS[link.state]}</span>
            </div>
            <div className="muted small">
              By {link.createdBy}, {formatShort(link.createdAt)} · {stateWords(link)}
            </div>
            {link.state === 'active' &&
              (confirming === link.id ? (
                <div className="share-confirm" role="group" aria-label="Revoke this link?">
                  <span className="small">Anyone holding it will see “not available”.</span>
                  <button type="button" className="button button-small button-danger" onClick={() => void revoke(link)}>
                    Revoke now
                  </button>
                  <button type="button" className="button button-small button-quiet" onClick={() => setConfirming(null)}>
                    Keep it
                  </button>
                </div>
              ) : (
                <button type="button" className="button button-small" onClick={() => setConfirming(link.id)}
                  aria-label={`Revoke the link to revision ${link.revision}${link.label ? ` for ${link.label}` : ''}`}>
                  Revoke
                </button>
              ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
