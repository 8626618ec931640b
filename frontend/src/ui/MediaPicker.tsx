import { useRef, useState } from 'react';
import { get, request } from '../lib/api';
import {
  appendPage,
  descriptionOf,
  firstPage,
  LIMITS,
  mediaFieldErrors,
  mediaListUrl,
  mediaUrl,
  pickedImage,
  pickerCheck,
  PICKER_SIZES,
  prependItem,
  remainingText,
  shapeOf,
  type PickedImage,
} from '../lib/media';
import type { MediaItem, MediaPage, MediaShapeName } from '../lib/types';
import { ApiError, messageOf } from '../problem';
import { ErrorBox, Field, Loading, useDebounced, useLoad } from './common';
import { Dialog } from './Dialog';
import { MediaPicture, NeedsAltBadge } from './MediaPicture';
import { MediaUploader } from './MediaUploader';

export interface MediaPickerProps {
  /** The dialog's title, e.g. "Choose the hero image". */
  title?: string;
  /** The shape whose address is handed over: '16x9' for hero images and rail items, '1x1' for author photos. */
  shape?: MediaShapeName;
  /**
   * The field needs alt text (hero image, list item image): a picture without it asks for it here, and it is saved to
   * the library (If-Match) before the picture is handed over, so every use of the picture gets it.
   */
  requireAlt?: boolean;
  /** The picture the field uses now (marked in the list). */
  currentId?: string | null;
  onChoose: (picked: PickedImage, item: MediaItem) => void;
  onClose: () => void;
}

/**
 * Choosing a picture from the media library for a form field: search, choose one (or upload a new one here), and
 * hand it over as a `PickedImage` (its media id, the address of the wanted shape, alt text, caption and credit).
 * A modal dialog: focus starts in the search field, Escape closes it, focus returns to the button that opened it.
 */
export function MediaPicker({ title = 'Choose a picture', shape = '16x9', requireAlt = true, currentId, onChoose, onClose }: MediaPickerProps) {
  const [q, setQ] = useState('');
  const debouncedQ = useDebounced(q.trim(), 300);
  const [selected, setSelected] = useState<MediaItem | null>(null);
  const [altDraft, setAltDraft] = useState('');
  const [altError, setAltError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const altInput = useRef<HTMLTextAreaElement>(null);
  const qRef = useRef(debouncedQ);
  qRef.current = debouncedQ;
  const { data, setData, error, loading, reload } = useLoad((signal) => get<MediaPage>(mediaListUrl({ q: debouncedQ }), signal).then(firstPage), [debouncedQ]);

  const select = (item: MediaItem) => {
    setSelected(item);
    setAltDraft('');
    setAltError(null);
    setProblem(null);
  };

  const loadMore = async () => {
    if (!data?.next) return;
    const asked = debouncedQ;
    setLoadingMore(true);
    try {
      const page = await get<MediaPage>(mediaListUrl({ q: asked, cursor: data.next }));
      if (qRef.current === asked) setData((old) => (old ? appendPage(old, page) : old));
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setLoadingMore(false);
    }
  };

  const choose = async (item: MediaItem | null) => {
    setProblem(null);
    const check = pickerCheck(item, altDraft, requireAlt);
    if (!check.ok) {
      if (item) {
        setAltError(check.error);
        altInput.current?.focus();
      } else setProblem(check.error);
      return;
    }
    let chosen = item!;
    if (check.saveAltText) {
      setSaving(true);
      try {
        const saved = await request<MediaItem>(mediaUrl(chosen.id), { method: 'PUT', body: descriptionOf(chosen, { altText: check.saveAltText }), ifMatch: chosen.version });
        chosen = saved.data;
        setData((old) => (old ? { ...old, items: old.items.map((i) => (i.id === chosen.id ? chosen : i)) } : old));
      } catch (e) {
        if (e instanceof ApiError && e.status === 412) {
          const fresh = await get<MediaItem>(mediaUrl(chosen.id)).catch(() => null);
          if (fresh) select(fresh);
          setProblem('Someone else changed this picture meanwhile, so your alt text is not saved. It now shows as it is: check it and choose again.');
        } else if (e instanceof ApiError && e.hasFieldErrors) {
          const byField = mediaFieldErrors(e.problem);
          setAltError(byField.altText ?? Object.values(byField).join(' '));
          altInput.current?.focus();
        } else {
          setProblem(messageOf(e));
        }
        return;
      } finally {
        setSaving(false);
      }
    }
    onChoose(pickedImage(chosen, shape), chosen);
  };

  const items = data?.items ?? [];
  const needsAlt = requireAlt && !!selected && !selected.altText?.trim();
  return (
    <Dialog title={title} onClose={onClose} wide testId="media-picker">
      <div className="media-picker">
        <div className="field">
          <label htmlFor="picker-q">Search the library</label>
          <input id="picker-q" type="search" value={q} placeholder="Alt text, caption, credit or file name" onChange={(e) => setQ(e.target.value)} data-testid="picker-search" />
        </div>
        <ErrorBox error={error} onRetry={reload} />
        {loading && !data && <Loading what="Loading pictures" />}
        {data && items.length === 0 && (
          <p className="muted" role="status">
            {debouncedQ ? `No picture matches “${debouncedQ}”.` : 'The library is empty: upload a picture below.'}
          </p>
        )}
        {items.length > 0 && (
          <ul className="media-grid media-grid-picker" aria-label="Pictures" data-testid="picker-grid">
            {items.map((item) => {
              const isSelected = selected?.id === item.id;
              return (
                <li key={item.id}>
                  <button
                    type="button"
                    className={isSelected ? 'media-card media-card-selected' : 'media-card'}
                    aria-pressed={isSelected}
                    onClick={() => select(item)}
                    onDoubleClick={() => void choose(item)}
                    data-testid="picker-card"
                    data-media-id={item.id}
                  >
                    <MediaPicture shape={shapeOf(item)} alt={item.altText ?? ''} sizes={PICKER_SIZES} className="media-thumb" />
                    <span className="media-card-text">
                      <span className="media-card-name">{item.filename}</span>
                      {item.id === currentId && <span className="badge">In use here</span>}
                      {!item.readyForPublishing && <NeedsAltBadge />}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {data?.next && (
          <div className="pager">
            <button type="button" className="button button-small" onClick={() => void loadMore()} disabled={loadingMore}>
              {loadingMore ? 'Loading…' : 'Load more'}
            </button>
          </div>
        )}

        <details className="advanced picker-upload">
          <summary>Upload a new picture</summary>
          <MediaUploader
            idPrefix="picker-upload"
            onUploaded={(item) => {
              setData((old) => (old ? prependItem(old, item) : { items: [item], next: null }));
              select(item);
            }}
            itemAction={(item) => (
              <button type="button" className="button button-small" onClick={() => select(item)}>
                Select it<span className="sr-only"> ({item.filename})</span>
              </button>
            )}
          />
        </details>

        {selected && (
          <div className="picker-selected" data-testid="picker-selected">
            <MediaPicture shape={shapeOf(selected, shape)} alt={selected.altText ?? ''} sizes="160px" className="picker-selected-thumb" loading="eager" />
            <div className="grow">
              <p className="picker-selected-name">
                <strong>{selected.filename}</strong>
              </p>
              {selected.altText?.trim() ? (
                <p className="muted small">Alt text: “{selected.altText}”</p>
              ) : needsAlt ? (
                <Field label="Alt text for this picture" id="picker-alt" error={altError ?? undefined} hint={`Saved to the library with the picture. ${remainingText(altDraft, LIMITS.altText).text}.`}>
                  <textarea
                    id="picker-alt"
                    ref={altInput}
                    rows={2}
                    value={altDraft}
                    onChange={(e) => {
                      setAltDraft(e.target.value);
                      setAltError(null);
                    }}
                    data-testid="picker-alt"
                  />
                </Field>
              ) : (
                <p className="muted small">
                  <NeedsAltBadge /> Add alt text in the media library before it is published.
                </p>
              )}
            </div>
          </div>
        )}
        {problem && (
          <div className="error-box" role="alert" data-testid="picker-problem">
            <p>{problem}</p>
          </div>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-primary" disabled={saving || !selected} onClick={() => void choose(selected)} data-testid="picker-choose">
          {saving ? 'Saving the alt text…' : 'Use this picture'}
        </button>
      </div>
    </Dialog>
  );
}
