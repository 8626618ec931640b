import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { get } from '../../lib/api';
import {
  effectiveAlt,
  heroErrors,
  HERO_PREVIEW_SIZES,
  libraryAltNote,
  libraryWords,
  mediaLoadProblem,
  noHero,
  pickHero,
  type HeroErrors,
  type HeroForm,
} from '../../lib/heroImage';
import { dimensionsText, mediaPagePath, mediaUrl, PICKER_SHAPES, shapeOf } from '../../lib/media';
import type { HeroImage, MediaItem } from '../../lib/types';
import { Field } from '../../ui/common';
import { ImagePreview } from '../../ui/ImagePreview';
import { MediaPicker } from '../../ui/MediaPicker';
import { MediaPicture, NeedsAltBadge } from '../../ui/MediaPicture';

type WordKey = 'url' | 'alt' | 'caption' | 'credit';

/** A library caption in a hint: its start when it is long (the whole of it is the field's placeholder). */
const shorten = (text: string, max = 120) => ([...text].length > max ? `${[...text].slice(0, max - 1).join('').trimEnd()}…` : text);

/** The chosen picture's library item as fetched: loading (neither), there, or why not. */
interface Fetched {
  id: string;
  item?: MediaItem;
  error?: unknown;
}

/**
 * The article's hero image: a picture chosen from the media library (preview, the library's alt text as the default
 * with an optional override for this article, caption and credit overrides, Replace and Remove), or a pasted address
 * with its alt text, caption and credit as before. The library picker is a modal dialog (MediaPicker).
 */
export function HeroImageField({ hero, errors, canUseMedia, readOnly = false, onEdit, onReplace }: {
  hero: HeroImage;
  /** The editor's field errors (problem+json, keyed by field path); the hero image's are shown here, each once. */
  errors: Record<string, string>;
  /** Whether this person may use the media library (otherwise only the pasted address is offered). */
  canUseMedia: boolean;
  /** The article cannot be edited (now): the picker closes. */
  readOnly?: boolean;
  /** One of the words (or the pasted address) was edited. */
  onEdit: (key: WordKey, value: string) => void;
  /** The whole image changed: a picture chosen, replaced or removed. */
  onReplace: (hero: HeroForm) => void;
}) {
  const mediaId = hero.mediaId?.trim() ?? '';
  const library = !!mediaId;
  const errs = heroErrors(errors, library);
  const [pickerOpen, setPickerOpen] = useState(false);
  useEffect(() => {
    if (readOnly) setPickerOpen(false);
  }, [readOnly]);

  // The chosen picture's library item: fetched when the article is opened with one, handed over by the picker.
  const [fetched, setFetched] = useState<Fetched | null>(null);
  const fetchedRef = useRef(fetched);
  fetchedRef.current = fetched;
  const seq = useRef(0);
  const load = useCallback((id: string, quiet = false) => {
    const n = ++seq.current;
    if (!quiet) setFetched({ id });
    get<MediaItem>(mediaUrl(id)).then(
      (item) => {
        if (seq.current === n) setFetched({ id, item });
      },
      (error: unknown) => {
        // A quiet refresh that fails keeps what is shown.
        if (seq.current === n && !quiet) setFetched({ id, error });
      },
    );
  }, []);
  useEffect(() => {
    if (!mediaId) return;
    const have = fetchedRef.current;
    if (have?.id === mediaId && have.item) return;
    load(mediaId);
  }, [mediaId, load]);

  const current = fetched?.id === mediaId ? fetched : null;
  const item = current?.item ?? null;
  const problem = current?.error !== undefined ? mediaLoadProblem(current.error) : null;

  // A picture without alt text may be described in the media library (another tab): look again on coming back.
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

  const choose = (picked: MediaItem) => {
    seq.current++; // an older fetch must not overwrite the picture just chosen
    setFetched({ id: picked.id, item: picked });
    onReplace(pickHero(hero, picked.id));
    focusNext.current = 'replace';
    setPickerOpen(false);
  };
  const remove = () => {
    onReplace(noHero());
    focusNext.current = 'choose';
  };

  return (
    <fieldset className="fieldset" data-testid="hero-image">
      <legend>Hero image</legend>
      {library ? (
        <LibraryHero
          hero={hero}
          mediaId={mediaId}
          item={item}
          loading={!item && !problem}
          problem={problem}
          errs={errs}
          canUseMedia={canUseMedia}
          replaceButton={replaceButton}
          onEdit={onEdit}
          onRetry={() => load(mediaId)}
          onReplaceClick={() => setPickerOpen(true)}
          onRemove={remove}
        />
      ) : (
        <>
          {canUseMedia && (
            <div className="hero-source">
              <button ref={chooseButton} type="button" className="button button-small" onClick={() => setPickerOpen(true)} data-testid="hero-choose-from-library">
                Choose from library
              </button>
              <span className="hint small">or paste the address of a picture that is not in the library.</span>
            </div>
          )}
          <PastedHero hero={hero} errs={errs} onEdit={onEdit} />
        </>
      )}
      {/* Outside the article's <form> and its (disabled when read-only) fieldset: the dialog is a form of its own. */}
      {pickerOpen &&
        !readOnly &&
        createPortal(
          <MediaPicker
            title="Choose the hero image"
            shape={PICKER_SHAPES.heroImage}
            requireAlt={false}
            currentId={mediaId || null}
            onChoose={(_, picked) => choose(picked)}
            onClose={() => setPickerOpen(false)}
          />,
          document.body,
        )}
    </fieldset>
  );
}

/** A pasted address with its words: the hero image as it was before the media library. */
function PastedHero({ hero, errs, onEdit }: { hero: HeroImage; errs: HeroErrors; onEdit: (key: WordKey, value: string) => void }) {
  return (
    <div className="hero-grid">
      <div>
        <Field label="Image URL" id="hero-url" error={errs.url} hint="A picture's address, e.g. https://… or /samples/city.svg.">
          <input id="hero-url" type="url" value={hero.url ?? ''} placeholder="https://…" onChange={(e) => onEdit('url', e.target.value)} />
        </Field>
        <Field label="Alt text" id="hero-alt" error={errs.alt} hint="Describe the picture for people who cannot see it.">
          <input id="hero-alt" value={hero.alt ?? ''} maxLength={300} onChange={(e) => onEdit('alt', e.target.value)} />
        </Field>
        <Field label="Caption" id="hero-caption" error={errs.caption}>
          <input id="hero-caption" value={hero.caption ?? ''} maxLength={500} onChange={(e) => onEdit('caption', e.target.value)} />
        </Field>
        <Field label="Credit" id="hero-credit" error={errs.credit}>
          <input id="hero-credit" value={hero.credit ?? ''} maxLength={200} onChange={(e) => onEdit('credit', e.target.value)} />
        </Field>
      </div>
      <figure className="hero-preview">
        <ImagePreview url={hero.url} alt={hero.alt ?? ''} testId="hero-preview" />
        {hero.url && !hero.alt && !errs.alt && <figcaption className="hint">Add alt text for this image.</figcaption>}
      </figure>
    </div>
  );
}

/** A picture from the media library: what it is, its library words as defaults, this article's overrides. */
export function LibraryHero({ hero, mediaId, item, loading, problem, errs, canUseMedia, replaceButton, onEdit, onRetry, onReplaceClick, onRemove }: {
  hero: HeroImage;
  mediaId: string;
  item: MediaItem | null;
  loading: boolean;
  problem: { text: string; retry: boolean } | null;
  errs: HeroErrors;
  canUseMedia: boolean;
  replaceButton?: React.Ref<HTMLButtonElement>;
  onEdit: (key: WordKey, value: string) => void;
  onRetry: () => void;
  onReplaceClick: () => void;
  onRemove: () => void;
}) {
  const lib = libraryWords(item);
  const note = item ? libraryAltNote(item, hero.alt) : null;
  // The server's word about the picture and the fetch's, each said once (a deleted picture is told the same way).
  const pictureMessages = [errs.picture, problem?.text].filter((m, k, all): m is string => !!m && all.indexOf(m) === k);
  const shape = item ? shapeOf(item, PICKER_SHAPES.heroImage) : null;
  const state = item ? 'loaded' : loading ? 'loading' : 'failed';
  const libraryLink = (
    <a href={mediaPagePath(mediaId)} target="_blank" rel="noopener" data-testid="hero-media-library-link">
      Open it in the media library
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
  return (
    <div className="hero-grid" data-testid="hero-media" data-media-id={mediaId}>
      <div>
        <div className="hero-media-info">
          <p className="hero-media-name">
            <span className="muted small">From the media library: </span>
            <strong>{item?.filename ?? (loading ? 'Loading the picture…' : 'A library picture')}</strong>
            {item && dimensionsText(item) && <span className="muted small"> · {dimensionsText(item)}</span>}
          </p>
          {pictureMessages.length > 0 && (
            <p
              className="field-error"
              id="hero-media-error"
              data-testid="hero-media-error"
              role={errs.picture ? undefined : 'status'}
              tabIndex={errs.picture ? -1 : undefined}
              data-error-anchor={errs.picture ? '' : undefined}
            >
              {pictureMessages.join(' ')}
            </p>
          )}
          {problem?.retry && (
            <p>
              <button type="button" className="button button-small" onClick={onRetry} data-testid="hero-media-retry">
                Try again<span className="sr-only"> to show the picture</span>
              </button>
            </p>
          )}
          {note && !note.missing && (
            <p className="small hero-library-alt" data-testid="hero-library-alt">
              {note.text}
              {note.detail && <span className="muted"> {note.detail}</span>}
            </p>
          )}
          {note?.missing && (
            <div className="hero-note-warn" role="note" data-testid="hero-library-alt-missing">
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
          label="Alt text for this article"
          id="hero-alt-override"
          error={errs.alt}
          hint={lib.alt ? 'Optional: leave it empty to use the library’s alt text. What you write here is used in this article only.' : 'What you write here is used in this article only.'}
        >
          <input id="hero-alt-override" value={hero.alt ?? ''} maxLength={300} onChange={(e) => onEdit('alt', e.target.value)} data-testid="hero-alt-override" />
        </Field>
        <Field label="Caption" id="hero-caption" error={errs.caption} hint={lib.caption ? `Leave it empty to use the library’s: “${shorten(lib.caption)}”` : undefined}>
          <input id="hero-caption" value={hero.caption ?? ''} maxLength={500} placeholder={lib.caption} onChange={(e) => onEdit('caption', e.target.value)} />
        </Field>
        <Field label="Credit" id="hero-credit" error={errs.credit} hint={lib.credit ? `Leave it empty to use the library’s: “${shorten(lib.credit)}”` : undefined}>
          <input id="hero-credit" value={hero.credit ?? ''} maxLength={200} placeholder={lib.credit} onChange={(e) => onEdit('credit', e.target.value)} />
        </Field>
        <div className="hero-media-actions">
          {canUseMedia && (
            <button ref={replaceButton} type="button" className="button button-small" onClick={onReplaceClick} data-testid="hero-media-replace">
              Replace<span className="sr-only"> the hero image</span>
            </button>
          )}
          <button type="button" className="button button-small button-quiet" onClick={onRemove} data-testid="hero-media-remove">
            Remove<span className="sr-only"> the hero image</span>
          </button>
          {item && !note?.missing && <span className="small">{libraryLink}</span>}
        </div>
      </div>
      <figure className="hero-preview hero-media-preview" data-testid="hero-media-preview" data-state={state} data-media-id={mediaId}>
        {item ? (
          <MediaPicture shape={shape} alt={effectiveAlt(hero, item)} sizes={HERO_PREVIEW_SIZES} loading="eager" />
        ) : (
          <div className="image-placeholder" aria-busy={loading || undefined}>
            {loading ? 'Loading…' : 'No preview'}
          </div>
        )}
      </figure>
    </div>
  );
}
