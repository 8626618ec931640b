import { ARTICLE_PLACE, sayOnce } from '../../lib/libraryImage';
import { HERO_PREVIEW_SIZES } from '../../lib/heroImage';
import { importedSocialImage, pickSocialImage, noSocialImage, socialImageErrors, SOCIAL_CARD_SHAPE, type SocialImageForm } from '../../lib/socialImage';
import { Field } from '../../ui/common';
import { ImagePreview } from '../../ui/ImagePreview';
import { ChooseFromLibrary, ImportUrlButton, LibraryImagePicker, LibraryImageView, useUrlImport, type LibraryImage } from '../../ui/LibraryImageField';

/**
 * The social card's own picture, in the SEO panel: chosen from the media library with the same picker as the hero image
 * (its 16:9 crop is what cards show), or a pasted address with its alt text (importable into the library). Empty:
 * shared pages show the hero image. The library picture's state (`image`) is the panel's, whose card preview shows it.
 */
export function SocialImageField({ value, image, errors, canUseMedia, onEdit, onReplace }: {
  value: SocialImageForm;
  image: LibraryImage;
  /** The editor's field errors; the social image's are shown here, each once. */
  errors: Record<string, string>;
  canUseMedia: boolean;
  onEdit: (key: 'url' | 'alt', value: string) => void;
  onReplace: (image: SocialImageForm) => void;
}) {
  const mediaId = image.mediaId;
  const errs = socialImageErrors(errors, !!mediaId);
  const urlImport = useUrlImport({
    url: value.url,
    words: { alt: value.alt },
    urlInputId: 'social-url',
    onImported: (item) => {
      image.chosen(item);
      onReplace(importedSocialImage(value, item));
    },
  });
  const remove = () => {
    onReplace(noSocialImage());
    image.removed();
  };
  return (
    <fieldset className="fieldset" data-testid="social-image">
      <legend>Social image</legend>
      <p className="hint">The picture shared links show. Empty: the hero image.</p>
      {mediaId ? (
        <LibraryImageView
          prefix="social"
          mediaId={mediaId}
          item={image.item}
          loading={image.loading}
          problem={image.problem}
          errs={errs}
          alt={value.alt}
          onAltChange={(alt) => onEdit('alt', alt)}
          altLabel="Alt text for this article’s social card"
          place={ARTICLE_PLACE}
          subject="the social image"
          shape={SOCIAL_CARD_SHAPE}
          previewSizes={HERO_PREVIEW_SIZES}
          canUseMedia={canUseMedia}
          replaceButton={image.replaceButton}
          onRetry={image.retry}
          onReplaceClick={image.openPicker}
          onRemove={remove}
        />
      ) : (
        <>
          {canUseMedia && <ChooseFromLibrary prefix="social" buttonRef={image.chooseButton} onClick={image.openPicker} />}
          <div className="hero-grid">
            <div>
              <Field label="Social image URL" id="social-url" error={sayOnce(errs.url, urlImport.error)} hint="A picture's address, e.g. https://…; about 1200 × 630 suits most networks.">
                <input id="social-url" type="url" value={value.url} placeholder="https://…" onChange={(e) => onEdit('url', e.target.value)} />
              </Field>
              <ImportUrlButton prefix="social" url={value.url} urlImport={urlImport} canUseMedia={canUseMedia} />
              <Field label="Social image alt text" id="social-alt" error={errs.alt} hint="Describe the picture for people who cannot see it.">
                <input id="social-alt" value={value.alt} maxLength={300} onChange={(e) => onEdit('alt', e.target.value)} />
              </Field>
            </div>
            <figure className="hero-preview">
              <ImagePreview url={value.url} alt={value.alt} testId="social-preview" />
              {value.url && !value.alt && !errs.alt && <figcaption className="hint">Add alt text for this image.</figcaption>}
            </figure>
          </div>
        </>
      )}
      <LibraryImagePicker
        image={image}
        title="Choose the social image"
        shape={SOCIAL_CARD_SHAPE}
        onChoose={(_, picked) => {
          image.chosen(picked);
          onReplace(pickSocialImage(value, picked.id));
        }}
      />
    </fieldset>
  );
}
