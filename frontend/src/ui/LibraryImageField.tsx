import { useCallback, useEffect, useRef, useState, type ReactNode, type Ref, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { get, request } from '../lib/api';
import {
  effectiveAltText,
  importableUrl,
  importBody,
  importPicture,
  libraryAltNote,
  mediaLoadProblem,
  type ImagePlace,
  type ImportWords,
} from '../lib/libraryImage';
import { dimensionsText, mediaPagePath, mediaUrl, shapeOf, type PickedImage } from '../lib/media';
import type { MediaItem, MediaShapeName, MediaUploaded } from '../lib/types';
import { Field } from './common';
import { MediaPicker } from './MediaPicker';
import { MediaPicture, NeedsAltBadge } from './MediaPicture';

/**
 * A picture field that takes a picture from the media library (the hero image, an author's avatar, a list item's
 * image): the state of the chosen picture (its library details fetched, or why not), the picker dialog, and the
 * library picture's view — preview, the library's alt text as the default with an override for this place, a warning
 * when it has none, Replace and Remove. The pasted address beside it stays each field's own.
 *
 * Test ids follow one pattern with each field's prefix (`hero`, `avatar`, `item-image`): `<prefix>-choose-from-library`,
 * `<prefix>-media`, `<prefix>-media-preview` (data-state loading|loaded|failed, data-media-id), `<prefix>-alt-override`,
 * `<prefix>-library-alt`, `<prefix>-library-alt-missing`, `<prefix>-media-library-link`, `<prefix>-media-error`,
 * `<prefix>-media-retry`, `<prefix>-media-replace`, `<prefix>-media-remove`; beside a pasted address,
 * `<prefix>-import-url` ("Import into library").
 */

/** The chosen picture's library item as fetched: loading (neither), there, or why not. */
interface Fetched {
  id: string;
  item?: MediaItem;
  error?: unknown;
}

export interface LibraryImage {
  /** The library picture the field holds ('' when none). */
  mediaId: string;
  /** Its library details, once known. */
  item: MediaItem | null;
  loading: boolean;
  /** Why its details cannot be shown, in words, and whether trying again may help. */
  problem: { text: string; retry: boolean } | null;
  retry: () => void;
  pickerOpen: boolean;
  openPicker: () => void;
  closePicker: () => void;
  /** The "Choose from library" button: focus goes back to it when the picture is removed. */
  chooseButton: RefObject<HTMLButtonElement | null>;
  /** The "Replace" button: focus goes to it when a picture has been chosen. */
  replaceButton: RefObject<HTMLButtonElement | null>;
  /** A picture was chosen in the picker: show it at once (no second fetch), close the picker, focus Replace. */
  chosen: (item: MediaItem) => void;
  /** The picture was removed: focus goes to "Choose from library" (or what the field puts in its place). */
  removed: () => void;
}

/**
 * The state of a library picture field. `mediaId` is what the form holds; its details are fetched when it holds one
 * that is not known yet (a form opened with a library picture), and looked at again when the window regains focus
 * while the picture has no alt text (it may have been described in the media library in another tab).
 */
export function useLibraryImage(mediaId: string | null | undefined, { place, readOnly = false }: { place: ImagePlace; readOnly?: boolean }): LibraryImage {
  const id = mediaId?.trim() ?? '';
  const [pickerOpen, setPickerOpen] = useState(false);
  useEffect(() => {
    if (readOnly) setPickerOpen(false);
  }, [readOnly]);

  const [fetched, setFetched] = useState<Fetched | null>(null);
  const fetchedRef = useRef(fetched);
  fetchedRef.current = fetched;
  const seq = useRef(0);
  const load = useCallback((wanted: string, quiet = false) => {
    const n = ++seq.current;
    if (!quiet) setFetched({ id: wanted });
    get<MediaItem>(mediaUrl(wanted)).then(
      (item) => {
        if (seq.current === n) setFetched({ id: wanted, item });
      },
      (error: unknown) => {
        // A quiet refresh that fails keeps what is shown.
        if (seq.current === n && !quiet) setFetched({ id: wanted, error });
      },
    );
  }, []);
  useEffect(() => {
    if (!id) return;
    const have = fetchedRef.current;
    if (have?.id === id && have.item) return;
    load(id);
  }, [id, load]);

  const current = fetched?.id === id ? fetched : null;
  const item = id ? (current?.item ?? null) : null;
  const problem = id && current?.error !== undefined ? mediaLoadProblem(current.error, place) : null;

  useEffect(() => {
    if (!item || item.altText?.trim()) return;
    const again = () => load(item.id, true);
    window.addEventListener('focus', again);
    return () => window.removeEventListener('focus', again);
  }, [item, load]);

  // Where focus goes after the button that had it went away (a picture chosen instead of a pasted one, or removed).
  const chooseButton = useRef<HTMLButtonElement>(null);
  const replaceButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'choose' | 'replace' | null>(null);
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    (target === 'choose' ? chooseButton : replaceButton).current?.focus();
  });

  return {
    mediaId: id,
    item,
    loading: !!id && !item && !problem,
    problem,
    retry: () => id && load(id),
    pickerOpen: pickerOpen && !readOnly,
    openPicker: () => setPickerOpen(true),
    closePicker: () => setPickerOpen(false),
    chooseButton,
    replaceButton,
    chosen: (picked) => {
      seq.current++; // an older fetch must not overwrite the picture just chosen
      setFetched({ id: picked.id, item: picked });
      focusNext.current = 'replace';
      setPickerOpen(false);
    },
    removed: () => {
      focusNext.current = 'choose';
    },
  };
}

/** Importing a field's pasted address into the media library: whether it is under way, and why it failed. */
export interface UrlImport {
  busy: boolean;
  /** Why the last import of the address now in the field failed, in words (said at the address field). */
  error: string | null;
  run: () => void;
}

/**
 * "Import into library" for a pasted address: POSTs it with the words typed for it; on success `onImported` gets the
 * library picture (the field switches to it, as if chosen in the picker), on failure the address stays as it is and
 * the words say why, at the address field (focused, so that they are read out) until the address is changed.
 */
export function useUrlImport({ url, words, urlInputId, onImported }: {
  url: string;
  words: ImportWords;
  /** The address field's input: focus goes there when the import failed. */
  urlInputId: string;
  onImported: (item: MediaItem) => void;
}): UrlImport {
  const [state, setState] = useState<{ busy: boolean; url: string; error: string | null }>({ busy: false, url: '', error: null });
  const seq = useRef(0);
  useEffect(
    () => () => {
      seq.current++; // gone: a late answer changes nothing
    },
    [],
  );
  const run = () => {
    const body = importBody(url, words);
    if (!body || state.busy) return;
    const n = ++seq.current;
    setState({ busy: true, url, error: null });
    void importPicture(body, (to, sent) => request<MediaUploaded>(to, { method: 'POST', body: sent }).then((r) => r.data)).then((outcome) => {
      if (seq.current !== n) return;
      if (outcome.kind === 'imported') {
        setState({ busy: false, url, error: null });
        onImported(outcome.item);
      } else {
        setState({ busy: false, url, error: outcome.message });
        document.getElementById(urlInputId)?.focus();
      }
    });
  };
  return { busy: state.busy, error: state.url === url ? state.error : null, run };
}

/** "Import into library" beside a pasted address (only for an http or https one, and for people who use the library). */
export function ImportUrlButton({ prefix, url, urlImport, canUseMedia }: { prefix: string; url: string; urlImport: UrlImport; canUseMedia: boolean }) {
  if (!canUseMedia || !importableUrl(url)) return null;
  return (
    <div className="image-import">
      <button
        type="button"
        className="button button-small"
        onClick={urlImport.run}
        disabled={urlImport.busy}
        aria-describedby={`${prefix}-import-url-hint`}
        data-testid={`${prefix}-import-url`}
      >
        {urlImport.busy ? 'Importing…' : 'Import into library'}
      </button>
      <span className="hint small" id={`${prefix}-import-url-hint`}>
        Keeps a copy in the media library, with its renditions, and uses that instead.
      </span>
    </div>
  );
}

/** "Choose from library", with a word on the pasted address beside it. */
export function ChooseFromLibrary({ prefix, buttonRef, onClick, hint = 'or paste the address of a picture that is not in the library.' }: {
  prefix: string;
  buttonRef?: Ref<HTMLButtonElement>;
  onClick: () => void;
  hint?: string;
}) {
  return (
    <div className="image-source">
      <button ref={buttonRef} type="button" className="button button-small" onClick={onClick} data-testid={`${prefix}-choose-from-library`}>
        Choose from library
      </button>
      {hint && <span className="hint small">{hint}</span>}
    </div>
  );
}

/**
 * The picker dialog of a field, while it is open. It goes to the end of the page (a portal): outside the form and any
 * disabled fieldset around the field, as a dialog of its own.
 */
export function LibraryImagePicker({ image, title, shape, onChoose }: {
  image: Pick<LibraryImage, 'pickerOpen' | 'closePicker' | 'mediaId'>;
  title: string;
  shape: MediaShapeName;
  onChoose: (picked: PickedImage, item: MediaItem) => void;
}) {
  if (!image.pickerOpen || typeof document === 'undefined') return null;
  return createPortal(
    <MediaPicker title={title} shape={shape} requireAlt={false} currentId={image.mediaId || null} onChoose={onChoose} onClose={image.closePicker} />,
    document.body,
  );
}

export interface LibraryImageViewProps {
  /** The test id and element id prefix: `hero`, `avatar`, `item-image`. */
  prefix: string;
  mediaId: string;
  item: MediaItem | null;
  loading: boolean;
  problem: { text: string; retry: boolean } | null;
  /** The server's (or the form's) errors: about the picture as a whole, and about its alt text. */
  errs: { picture?: string; alt?: string };
  /** The alt text written for this place ('' = the library's). */
  alt: string;
  onAltChange: (value: string) => void;
  /** "Alt text for this article". */
  altLabel: string;
  altMaxLength?: number;
  place: ImagePlace;
  /** What the buttons act on, for screen readers: "the hero image". */
  subject: string;
  /** The shape previewed: 16:9 for heroes and rail items, 1:1 for avatars (the original when it has not that one). */
  shape: MediaShapeName;
  previewSizes: string;
  /** How it is laid out: a preview column beside the fields, a small one, or a round photo before them. */
  variant?: 'wide' | 'compact' | 'square';
  canUseMedia: boolean;
  replaceButton?: Ref<HTMLButtonElement>;
  onRetry: () => void;
  onReplaceClick: () => void;
  onRemove: () => void;
  /** More fields after the alt text (the hero image's caption and credit). */
  children?: ReactNode;
}

/** A picture from the media library in a form: what it is, its library alt text as the default, this place's override. */
export function LibraryImageView({
  prefix,
  mediaId,
  item,
  loading,
  problem,
  errs,
  alt,
  onAltChange,
  altLabel,
  altMaxLength = 300,
  place,
  subject,
  shape,
  previewSizes,
  variant = 'wide',
  canUseMedia,
  replaceButton,
  onRetry,
  onReplaceClick,
  onRemove,
  children,
}: LibraryImageViewProps) {
  const libraryAlt = item?.altText?.trim() ?? '';
  const note = item ? libraryAltNote(item, alt, place, !!errs.alt) : null;
  // The server's word about the picture and the fetch's, each said once (a deleted picture is told the same way).
  const pictureMessages = [errs.picture, problem?.text].filter((m, k, all): m is string => !!m && all.indexOf(m) === k);
  const shown = item ? shapeOf(item, shape) : null;
  const state = item ? 'loaded' : loading ? 'loading' : 'failed';
  const altId = `${prefix}-alt-override`;
  const libraryLink = (
    <a href={mediaPagePath(mediaId)} target="_blank" rel="noopener" data-testid={`${prefix}-media-library-link`}>
      Open it in the media library
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
  return (
    <div className={`image-field image-field-${variant}`} data-testid={`${prefix}-media`} data-media-id={mediaId}>
      <div>
        <div className="image-media-info">
          <p className="image-media-name">
            <span className="muted small">From the media library: </span>
            <strong>{item?.filename ?? (loading ? 'Loading the picture…' : 'A library picture')}</strong>
            {item && dimensionsText(item) && <span className="muted small"> · {dimensionsText(item)}</span>}
          </p>
          {pictureMessages.length > 0 && (
            <p
              className="field-error"
              id={`${prefix}-media-error`}
              data-testid={`${prefix}-media-error`}
              role={errs.picture ? undefined : 'status'}
              tabIndex={errs.picture ? -1 : undefined}
              data-error-anchor={errs.picture ? '' : undefined}
            >
              {pictureMessages.join(' ')}
            </p>
          )}
          {problem?.retry && (
            <p>
              <button type="button" className="button button-small" onClick={onRetry} data-testid={`${prefix}-media-retry`}>
                Try again<span className="sr-only"> to show the picture</span>
              </button>
            </p>
          )}
          {note && !note.missing && (
            <p className="small image-library-alt" data-testid={`${prefix}-library-alt`}>
              {note.text}
              {note.detail && <span className="muted"> {note.detail}</span>}
            </p>
          )}
          {note?.missing && (
            <div className="image-note-warn" role="note" data-testid={`${prefix}-library-alt-missing`}>
              <p>
                <NeedsAltBadge /> <strong>{note.text}</strong>
              </p>
              <p className="small">
                {note.detail} {libraryLink}
              </p>
            </div>
          )}
        </div>
        <Field
          label={altLabel}
          id={altId}
          error={errs.alt}
          hint={
            libraryAlt
              ? `Optional: leave it empty to use the library’s alt text. What you write here is used in ${place.here} only.`
              : `What you write here is used in ${place.here} only.`
          }
        >
          <input id={altId} value={alt} maxLength={altMaxLength} onChange={(e) => onAltChange(e.target.value)} data-testid={altId} />
        </Field>
        {children}
        <div className="image-media-actions">
          {canUseMedia && (
            <button ref={replaceButton} type="button" className="button button-small" onClick={onReplaceClick} data-testid={`${prefix}-media-replace`}>
              Replace<span className="sr-only"> {subject}</span>
            </button>
          )}
          <button type="button" className="button button-small button-quiet" onClick={onRemove} data-testid={`${prefix}-media-remove`}>
            Remove<span className="sr-only"> {subject}</span>
          </button>
          {item && !note?.missing && <span className="small">{libraryLink}</span>}
        </div>
      </div>
      <figure className="image-field-preview" data-testid={`${prefix}-media-preview`} data-state={state} data-media-id={mediaId}>
        {item ? (
          <MediaPicture shape={shown} alt={effectiveAltText(alt, item)} sizes={previewSizes} loading="eager" />
        ) : (
          <div className="image-placeholder" aria-busy={loading || undefined}>
            {loading ? 'Loading…' : 'No preview'}
          </div>
        )}
      </figure>
    </div>
  );
}
