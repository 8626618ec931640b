import { heroErrors, HERO_PREVIEW_SIZES, importedHero, libraryWords, noHero, pickHero, type HeroErrors, type HeroForm } from '../../lib/heroImage';
import { ARTICLE_PLACE, sayOnce } from '../../lib/libraryImage';
import { PICKER_SHAPES } from '../../lib/media';
import type { HeroImage, MediaItem } from '../../lib/types';
import { Field } from '../../ui/common';
import { ImagePreview } from '../../ui/ImagePreview';
import { ChooseFromLibrary, ImportUrlButton, LibraryImagePicker, LibraryImageView, useLibraryImage, useUrlImport, type UrlImport } from '../../ui/LibraryImageField';

type WordKey = 'url' | 'alt' | 'caption' | 'credit';

/** A library caption in a hint: its start when it is long (the whole of it is the field's placeholder). */
const shorten = (text: string, max = 120) => ([...text].length > max ? `${[...text].slice(0, max - 1).join('').trimEnd()}…` : text);

/**
 * The article's hero image: a picture chosen from the media library (preview, the library's alt text as the default
 * with an optional override for this article, caption and credit overrides, Replace and Remove), or a pasted address
 * with its alt text, caption and credit as before, which can be imported into the library (it then holds that
 * picture). The library picker is a modal dialog (MediaPicker); what it shares with the other picture fields (avatar,
 * list item image) is in `src/ui/LibraryImageField.tsx`.
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
  const image = useLibraryImage(hero.mediaId, { place: ARTICLE_PLACE, readOnly });
  const mediaId = image.mediaId;
  const library = !!mediaId;
  const errs = heroErrors(errors, library);
  const urlImport = useUrlImport({
    url: hero.url ?? '',
    words: { alt: hero.alt, caption: hero.caption, credit: hero.credit },
    urlInputId: 'hero-url',
    onImported: (item) => {
      image.chosen(item);
      onReplace(importedHero(hero, item));
    },
  });

  const remove = () => {
    onReplace(noHero());
    image.removed();
  };

  return (
    <fieldset className="fieldset" data-testid="hero-image">
      <legend>Hero image</legend>
      {library ? (
        <LibraryHero
          hero={hero}
          mediaId={mediaId}
          item={image.item}
          loading={image.loading}
          problem={image.problem}
          errs={errs}
          canUseMedia={canUseMedia}
          replaceButton={image.replaceButton}
          onEdit={onEdit}
          onRetry={image.retry}
          onReplaceClick={image.openPicker}
          onRemove={remove}
        />
      ) : (
        <>
          {canUseMedia && <ChooseFromLibrary prefix="hero" buttonRef={image.chooseButton} onClick={image.openPicker} />}
          <PastedHero hero={hero} errs={errs} urlImport={urlImport} canUseMedia={canUseMedia} onEdit={onEdit} />
        </>
      )}
      {/* Outside the article's <form> and its (disabled when read-only) fieldset: the dialog is a form of its own. */}
      <LibraryImagePicker
        image={image}
        title="Choose the hero image"
        shape={PICKER_SHAPES.heroImage}
        onChoose={(_, picked) => {
          image.chosen(picked);
          onReplace(pickHero(hero, picked.id));
        }}
      />
    </fieldset>
  );
}

/** A pasted address with its words: the hero image as it was before the media library, which it can be imported into. */
export function PastedHero({ hero, errs, urlImport, canUseMedia, onEdit }: {
  hero: HeroImage;
  errs: HeroErrors;
  urlImport: UrlImport;
  canUseMedia: boolean;
  onEdit: (key: WordKey, value: string) => void;
}) {
  return (
    <div className="hero-grid">
      <div>
        <Field label="Image URL" id="hero-url" error={sayOnce(errs.url, urlImport.error)} hint="A picture's address, e.g. https://… or /samples/city.svg.">
          <input id="hero-url" type="url" value={hero.url ?? ''} placeholder="https://…" onChange={(e) => onEdit('url', e.target.value)} />
        </Field>
        <ImportUrlButton prefix="hero" url={hero.url ?? ''} urlImport={urlImport} canUseMedia={canUseMedia} />
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
  return (
    <LibraryImageView
      prefix="hero"
      mediaId={mediaId}
      item={item}
      loading={loading}
      problem={problem}
      errs={errs}
      alt={hero.alt ?? ''}
      onAltChange={(value) => onEdit('alt', value)}
      altLabel="Alt text for this article"
      place={ARTICLE_PLACE}
      subject="the hero image"
      shape={PICKER_SHAPES.heroImage}
      previewSizes={HERO_PREVIEW_SIZES}
      canUseMedia={canUseMedia}
      replaceButton={replaceButton}
      onRetry={onRetry}
      onReplaceClick={onReplaceClick}
      onRemove={onRemove}
    >
      <Field label="Caption" id="hero-caption" error={errs.caption} hint={lib.caption ? `Leave it empty to use the library’s: “${shorten(lib.caption)}”` : undefined}>
        <input id="hero-caption" value={hero.caption ?? ''} maxLength={500} placeholder={lib.caption} onChange={(e) => onEdit('caption', e.target.value)} />
      </Field>
      <Field label="Credit" id="hero-credit" error={errs.credit} hint={lib.credit ? `Leave it empty to use the library’s: “${shorten(lib.credit)}”` : undefined}>
        <input id="hero-credit" value={hero.credit ?? ''} maxLength={200} placeholder={lib.credit} onChange={(e) => onEdit('credit', e.target.value)} />
      </Field>
    </LibraryImageView>
  );
}
