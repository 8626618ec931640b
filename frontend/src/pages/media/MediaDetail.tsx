import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { get, request } from '../../lib/api';
import { formatDateTime, formatShort } from '../../lib/format';
import {
  checkMediaForm,
  CROPS,
  deleteBlockedText,
  describeBody,
  DETAIL_SIZES,
  dimensionsText,
  elsewhereText,
  focalFromClick,
  focalOfForm,
  formatBytes,
  formValuesOf,
  FORM_FIELDS,
  LIMITS,
  mediaFieldErrors,
  mediaUrl,
  remainingText,
  sameDescription,
  shapeOf,
  typeLabel,
  usageCountText,
  usageKindLabel,
  usageLink,
  type MediaFormValues,
} from '../../lib/media';
import type { MediaItem, MediaUsage } from '../../lib/types';
import { ApiError, messageOf } from '../../problem';
import { ErrorBox, Field, Loading, useFocusOnErrors, useLoad } from '../../ui/common';
import { Dialog } from '../../ui/Dialog';
import { MediaPicture, NeedsAltBadge } from '../../ui/MediaPicture';
import { useToast } from '../../ui/Toasts';

interface Loaded {
  item: MediaItem;
  /** Sent as If-Match with a change. */
  version: number;
}

/** A failed save the form explains (a 412), with a way out. */
interface FormProblem {
  text: string;
  action?: { label: string; run: () => void };
}

const changedElsewhere = (what: string) =>
  `Someone else changed this picture since you opened it, so ${what}. The panel now shows it as it is; check it and try again.`;

/**
 * One picture: shown large (a click sets the focal point; two number inputs do the same from the keyboard), its
 * description (saved whole, with If-Match; a 412 offers their version), the 16:9, 4:3 and 1:1 crops as the server
 * cut them, where it is used, and Delete for editors and admins (a 409 says at the button where it is used).
 */
export function MediaDetail({ id, canDelete, focusOnOpen, onSaved, onDeleted, onClose, onDirtyChange }: {
  id: string;
  canDelete: boolean;
  /** Move focus to the panel once loaded (it was opened from the grid, not by loading the page). */
  focusOnOpen: boolean;
  onSaved: (item: MediaItem) => void;
  onDeleted: (id: string) => void;
  onClose: () => void;
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const toast = useToast();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [base, setBase] = useState<MediaFormValues | null>(null);
  const [v, setV] = useState<MediaFormValues | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteProblem, setDeleteProblem] = useState<string | null>(null);
  const [usageTick, setUsageTick] = useState(0);
  const focusErrors = useFocusOnErrors(errors);
  const heading = useRef<HTMLHeadingElement>(null);
  // Decided when the panel opens: a panel opened by loading the page leaves the focus at the page's top.
  const focusWanted = useRef(focusOnOpen);
  const problemBox = useRef<HTMLDivElement>(null);
  const url = mediaUrl(id);

  const usages = useLoad((signal) => get<{ items: MediaUsage[] }>(`${url}/usages`, signal).then((r) => r.items ?? []), [url, usageTick]);

  const adopt = useCallback((item: MediaItem, version: number | null) => {
    const values = formValuesOf(item);
    setLoaded({ item, version: version ?? item.version });
    setBase(values);
    setV(values);
    setErrors({});
    setProblem(null);
  }, []);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const fresh = await request<MediaItem>(url);
      adopt(fresh.data, fresh.version);
      return fresh.data;
    } catch (e) {
      setLoadError(e);
      return null;
    }
  }, [url, adopt]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (!loaded || !focusWanted.current) return;
    focusWanted.current = false;
    heading.current?.scrollIntoView({ block: 'nearest' });
    heading.current?.focus({ preventScroll: true });
  }, [loaded]);

  useEffect(() => {
    if (problem) problemBox.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);

  const dirty = !!v && !!base && !sameDescription(v, base);
  useEffect(() => {
    onDirtyChange?.(dirty);
  }, [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange?.(false), [onDirtyChange]);

  if (loadError) {
    const gone = loadError instanceof ApiError && loadError.status === 404;
    return (
      <aside className="panel media-detail" aria-labelledby="media-detail-title" data-testid="media-detail">
        <div className="panel-head">
          <h2 id="media-detail-title">{gone ? 'Picture not found' : 'Picture'}</h2>
          <button type="button" className="button button-small" onClick={onClose}>
            Close
          </button>
        </div>
        {gone ? <p>This picture is not in the library (any more). It may have been deleted.</p> : <ErrorBox error={loadError} onRetry={() => void load()} />}
      </aside>
    );
  }
  if (!loaded || !v || !base) {
    return (
      <aside className="panel media-detail" aria-label="Picture" data-testid="media-detail">
        <Loading what="Loading the picture" />
      </aside>
    );
  }

  const item = loaded.item;
  const original = shapeOf(item);
  const focal = focalOfForm(v);
  const savedFocal = focalOfForm(base);
  const focalUnsaved = !!focal && !!savedFocal && (focal.x !== savedFocal.x || focal.y !== savedFocal.y);
  const ratio = (original?.width || item.width || 4) / (original?.height || item.height || 3);

  const edit = (key: keyof MediaFormValues, value: string, settles: string[] = [key]) => {
    setV((old) => (old ? { ...old, [key]: value } : old));
    if (settles.some((k) => errors[k])) setErrors((old) => Object.fromEntries(Object.entries(old).filter(([k]) => !settles.includes(k))));
  };
  const setFocal = (x: number, y: number) => {
    setV((old) => (old ? { ...old, focalX: String(Math.round(x * 100)), focalY: String(Math.round(y * 100)) } : old));
    setErrors((old) => Object.fromEntries(Object.entries(old).filter(([k]) => !k.startsWith('focalPoint'))));
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const local = checkMediaForm(v);
    if (Object.keys(local).length > 0) {
      focusErrors();
      setErrors(local);
      return;
    }
    setErrors({});
    if (!dirty) {
      toast.info('Nothing to save: the description is unchanged.');
      return;
    }
    const body = describeBody(v);
    setSaving(true);
    try {
      const saved = await request<MediaItem>(url, { method: 'PUT', body, ifMatch: loaded.version });
      adopt(saved.data, saved.version);
      onSaved(saved.data);
      toast.success(saved.data.readyForPublishing ? 'Description saved' : 'Description saved. Add alt text before this picture is published.');
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setProblem({
          text: 'Someone else changed this picture’s description while you were editing, so your changes are not saved. Load their version, then make your change again.',
          action: { label: 'Load their version', run: () => void load() },
        });
      } else if (e instanceof ApiError && e.hasFieldErrors) {
        const byField = mediaFieldErrors(e.problem, body.tags);
        const other = elsewhereText(byField, FORM_FIELDS);
        if (other) setProblem({ text: other });
        focusErrors();
        setErrors(byField);
      } else if (e instanceof ApiError && e.status === 404) {
        setProblem({ text: 'This picture is no longer in the library: someone deleted it, so your changes are not saved.' });
      } else {
        setProblem({ text: messageOf(e) });
      }
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    setDeleting(true);
    try {
      await request(url, { method: 'DELETE', ifMatch: loaded.version });
      setConfirmDelete(false);
      toast.success(`${item.filename} deleted from the library`);
      onDeleted(item.id);
    } catch (e) {
      setConfirmDelete(false);
      if (e instanceof ApiError && e.status === 409) {
        setDeleteProblem(deleteBlockedText(e.problem));
        setUsageTick((t) => t + 1);
      } else if (e instanceof ApiError && e.status === 412) {
        await load();
        setDeleteProblem(changedElsewhere('it was not deleted'));
      } else if (e instanceof ApiError && e.status === 404) {
        toast.info(`${item.filename} was already deleted.`);
        onDeleted(item.id);
      } else {
        setDeleteProblem(messageOf(e));
      }
    } finally {
      setDeleting(false);
    }
  };

  const count = (key: keyof typeof LIMITS) => remainingText(v[key], LIMITS[key]).text;
  const usageItems = usages.data ?? [];
  const usedCount = usages.data ? usageItems.length : item.usageCount;

  return (
    <aside className="panel media-detail" aria-labelledby="media-detail-title" data-testid="media-detail" data-media-id={item.id}>
      <div className="panel-head media-detail-head">
        <h2 id="media-detail-title" ref={heading} tabIndex={-1} className="media-detail-title">
          {item.filename}
        </h2>
        <button type="button" className="button button-small" onClick={onClose} data-testid="close-detail">
          Close
        </button>
      </div>
      <p className="media-detail-state">
        {item.readyForPublishing ? <span className="badge badge-published">Ready for publishing</span> : <NeedsAltBadge />}
        <span className="muted small">{usageCountText(usedCount)}</span>
      </p>

      <div className="focal-frame" style={{ aspectRatio: `${ratio}`, maxWidth: `calc(60vh * ${ratio.toFixed(4)})` }} data-testid="focal-frame">
        <MediaPicture
          shape={original}
          alt={item.altText ?? ''}
          sizes={DETAIL_SIZES}
          loading="eager"
          className="focal-picture"
          imgClassName="focal-img"
          onClick={(e) => {
            const p = focalFromClick(e.clientX, e.clientY, e.currentTarget.getBoundingClientRect());
            setFocal(p.x, p.y);
          }}
        />
        {focal && <span className="focal-marker" style={{ left: `${focal.x * 100}%`, top: `${focal.y * 100}%` }} aria-hidden="true" data-testid="focal-marker" />}
      </div>
      <p className="hint small">Click the picture where its subject is (or type the position below): the crops keep that point in view.</p>

      <form onSubmit={save} className="media-form" noValidate aria-label="Description" data-testid="media-form">
        <fieldset className="fieldset focal-fieldset">
          <legend>Focal point</legend>
          <div className="two-col">
            <Field label="Across (%)" id="focal-x" error={errors['focalPoint.x']} hint="0 is the left edge, 100 the right.">
              <input id="focal-x" type="number" inputMode="decimal" min={0} max={100} step={1} value={v.focalX} onChange={(e) => edit('focalX', e.target.value, ['focalPoint.x'])} data-testid="focal-x" />
            </Field>
            <Field label="Down (%)" id="focal-y" error={errors['focalPoint.y']} hint="0 is the top, 100 the bottom.">
              <input id="focal-y" type="number" inputMode="decimal" min={0} max={100} step={1} value={v.focalY} onChange={(e) => edit('focalY', e.target.value, ['focalPoint.y'])} data-testid="focal-y" />
            </Field>
          </div>
        </fieldset>

        <Field label="Alt text" id="media-alt" error={errors.altText} hint={`Needed before publishing: say what the picture shows for people who cannot see it. ${count('altText')}.`}>
          <textarea id="media-alt" rows={3} value={v.altText} onChange={(e) => edit('altText', e.target.value)} data-testid="media-alt" />
        </Field>
        <Field label="Caption" id="media-caption" error={errors.caption} hint={`${count('caption')}.`}>
          <textarea id="media-caption" rows={2} value={v.caption} onChange={(e) => edit('caption', e.target.value)} data-testid="media-caption" />
        </Field>
        <div className="two-col">
          <Field label="Credit" id="media-credit" error={errors.credit} hint={`Who took or made it. ${count('credit')}.`}>
            <input id="media-credit" value={v.credit} onChange={(e) => edit('credit', e.target.value)} data-testid="media-credit" />
          </Field>
          <Field label="Copyright" id="media-copyright" error={errors.copyright} hint={`${count('copyright')}.`}>
            <input id="media-copyright" value={v.copyright} onChange={(e) => edit('copyright', e.target.value)} data-testid="media-copyright" />
          </Field>
        </div>
        <Field label="Source" id="media-source" error={errors.source} hint={`Where it came from (an agency, an address). ${count('source')}.`}>
          <input id="media-source" value={v.source} onChange={(e) => edit('source', e.target.value)} data-testid="media-source" />
        </Field>
        <Field label="Tags" id="media-tags" error={errors.tags} hint="Separate tags with commas.">
          <input id="media-tags" value={v.tags} onChange={(e) => edit('tags', e.target.value)} data-testid="media-tags" />
        </Field>

        {problem && (
          <div className="error-box" role="alert" data-testid="media-form-problem" ref={problemBox}>
            <p>{problem.text}</p>
            {problem.action && (
              <button type="button" className="button" onClick={problem.action.run} data-testid="load-theirs">
                {problem.action.label}
              </button>
            )}
          </div>
        )}
        <div className="form-actions">
          {dirty && (
            <button type="button" className="button button-quiet" onClick={() => adopt(item, loaded.version)}>
              Undo changes
            </button>
          )}
          <button type="submit" className="button button-primary" disabled={saving} data-testid="save-media">
            {saving ? 'Saving…' : 'Save description'}
          </button>
        </div>
      </form>

      <section className="media-section" aria-labelledby="crops-title">
        <h3 id="crops-title">Crops</h3>
        {focalUnsaved && (
          <p className="hint small" data-testid="crops-unsaved">
            These are cut around the saved focal point. Save to see them with the new one.
          </p>
        )}
        <div className="crop-previews" data-testid="crop-previews">
          {CROPS.map((c) => {
            const s = item.renditions?.[c.name];
            return (
              <figure className="crop-preview" key={c.name}>
                {s?.src ? (
                  <img src={s.src} alt="" loading="lazy" decoding="async" style={{ aspectRatio: c.label.replace(':', ' / ') }} />
                ) : (
                  <div className="image-placeholder" style={{ aspectRatio: c.label.replace(':', ' / ') }}>
                    Not made yet
                  </div>
                )}
                <figcaption>
                  <strong>{c.label}</strong> <span className="muted small">{c.use}</span>
                </figcaption>
              </figure>
            );
          })}
        </div>
      </section>

      <section className="media-section" aria-labelledby="facts-title">
        <h3 id="facts-title">File</h3>
        <dl className="media-facts">
          <dt>Type and size</dt>
          <dd>
            {[typeLabel(item.mimeType), dimensionsText(item), formatBytes(item.byteSize)].filter(Boolean).join(' · ')}
          </dd>
          <dt>Added</dt>
          <dd>
            <time dateTime={item.createdAt} title={formatDateTime(item.createdAt)}>
              {formatShort(item.createdAt)}
            </time>
            {item.createdBy ? ` by ${item.createdBy}` : ''}
          </dd>
          {item.updatedAt && item.updatedAt !== item.createdAt && (
            <>
              <dt>Described</dt>
              <dd>
                <time dateTime={item.updatedAt} title={formatDateTime(item.updatedAt)}>
                  {formatShort(item.updatedAt)}
                </time>
              </dd>
            </>
          )}
        </dl>
      </section>

      <section className="media-section" aria-labelledby="usages-title" data-testid="media-usages">
        <h3 id="usages-title">Where it is used</h3>
        <ErrorBox error={usages.error} onRetry={usages.reload} />
        {usages.loading && !usages.data && <Loading what="Loading where it is used" />}
        {usages.data && usageItems.length === 0 && <p className="muted small">Not used anywhere yet.</p>}
        {usageItems.length > 0 && (
          <ul className="usage-list">
            {usageItems.map((u) => {
              const link = usageLink(u);
              const label = u.label?.trim() || u.ref;
              return (
                <li key={`${u.kind}:${u.ref}`} data-testid="usage">
                  <span className="badge">{usageKindLabel(u.kind)}</span> {link ? <Link to={link}>{label}</Link> : <span>{label}</span>}
                  {u.since && (
                    <span className="muted small">
                      {' '}
                      · since{' '}
                      <time dateTime={u.since} title={formatDateTime(u.since)}>
                        {formatShort(u.since)}
                      </time>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {canDelete && (
        <div className="media-delete">
          <button
            type="button"
            className="button button-danger-quiet"
            onClick={() => {
              setDeleteProblem(null);
              setConfirmDelete(true);
            }}
            disabled={deleting}
            aria-describedby={deleteProblem ? 'media-delete-problem' : undefined}
            data-testid="delete-media"
          >
            Delete…
          </button>
          {deleteProblem && (
            <p className="field-error" id="media-delete-problem" role="alert" data-testid="delete-problem">
              {deleteProblem}
            </p>
          )}
        </div>
      )}

      {confirmDelete && (
        <Dialog title="Delete this picture?" onClose={() => setConfirmDelete(false)} testId="confirm-delete-media">
          <p>
            <strong>{item.filename}</strong> is removed from the library with its description and all its sizes. This cannot be undone.
          </p>
          {usedCount > 0 && <p>{usageCountText(usedCount)}: a picture in use cannot be deleted until it is removed from there.</p>}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirmDelete(false)}>
              Keep it
            </button>
            <button type="button" className="button button-danger" disabled={deleting} onClick={() => void remove()} data-testid="confirm-delete-media-button">
              {deleting ? 'Deleting…' : 'Delete picture'}
            </button>
          </div>
        </Dialog>
      )}
    </aside>
  );
}
