import { useEffect, useRef } from 'react';
import {
  DESCRIPTION_MAX,
  TITLE_MAX,
  canonicalUrlProblem,
  descriptionWarning,
  isSeoPanelError,
  searchPreview,
  socialCard,
  titleWarning,
  type ArticleBasics,
  type CorrectionForm,
  type SeoForm,
} from '../../lib/seo';
import { formatDateTime } from '../../lib/format';
import { ARTICLE_PLACE } from '../../lib/libraryImage';
import { cardPicture, cardPictureNote, type SocialImageForm } from '../../lib/socialImage';
import type { Correction, CorrectionKind, HeroImage } from '../../lib/types';
import { Field } from '../../ui/common';
import { useLibraryImage } from '../../ui/LibraryImageField';
import { SocialImageField } from './SocialImageField';

/**
 * Search and social: the SEO title and description (with their length warnings, each at its own field), canonical
 * address and "hide from search engines", the social image (a library picture or an address; empty: the hero image), a
 * search result and a social card as they would look (with the picture readers' pages will name); and, once the article
 * has been published, the correction or update note its next publish gives readers, with the notes already given.
 */
export function SeoPanel({ seo, correction, basics, hero, errors, published, corrections, canUseMedia, readOnly = false, onSeo, onSocialImage, onCorrection }: {
  seo: SeoForm;
  /** The hero image: the card's picture when there is no social image. */
  hero: HeroImage | null | undefined;
  /** Whether this person may use the media library (otherwise only a pasted address is offered). */
  canUseMedia: boolean;
  readOnly?: boolean;
  correction: CorrectionForm;
  basics: ArticleBasics;
  errors: Record<string, string>;
  /** The article has been published: it takes a correction or update note. */
  published: boolean;
  corrections: Correction[];
  onSeo: (change: Partial<SeoForm>) => void;
  /** The social image changed: `key` one of its words edited, or the whole of it replaced. */
  onSocialImage: (change: { key: 'url' | 'alt'; value: string } | { image: SocialImageForm }) => void;
  onCorrection: (change: Partial<CorrectionForm>) => void;
}) {
  const result = searchPreview(seo, basics);
  const socialLibrary = useLibraryImage(seo.socialImage.mediaId, { place: ARTICLE_PLACE, readOnly });
  const heroLibrary = useLibraryImage(hero?.mediaId, { place: ARTICLE_PLACE, readOnly: true });
  const picture = cardPicture(seo.socialImage, socialLibrary.item, hero, heroLibrary.item);
  const card = socialCard(seo, { ...basics, imageUrl: picture?.url, imageAlt: picture?.alt });
  const noPicture = cardPictureNote(picture);
  // A refused save or publish about these fields opens the panel, so that each error is seen at its field.
  const panel = useRef<HTMLDetailsElement>(null);
  const hasErrors = Object.keys(errors).some(isSeoPanelError);
  useEffect(() => {
    if (hasErrors && panel.current) panel.current.open = true;
  }, [hasErrors]);
  const titleNote = titleWarning(seo.title);
  const descriptionNote = descriptionWarning(seo.description);
  const urlNote = canonicalUrlProblem(seo.canonicalUrl);
  return (
    <details ref={panel} className="advanced seo-panel" data-testid="seo-panel">
      <summary>Search and social</summary>
      <Field label="SEO title" id="seoTitle" error={errors['seo.title']} hint={titleNote ?? 'Shown in search results and social cards; the headline when empty.'}>
        <input
          id="seoTitle"
          className={titleNote ? 'input-warning' : undefined}
          value={seo.title}
          maxLength={TITLE_MAX + 20}
          placeholder={basics.headline}
          onChange={(e) => onSeo({ title: e.target.value })}
        />
      </Field>
      <Field
        label="Meta description"
        id="seoDescription"
        error={errors['seo.description']}
        hint={descriptionNote ?? 'The sentence or two under the title in search results; the dek when empty.'}
      >
        <textarea
          id="seoDescription"
          className={descriptionNote ? 'input-warning' : undefined}
          rows={3}
          value={seo.description}
          maxLength={DESCRIPTION_MAX + 50}
          placeholder={basics.dek}
          onChange={(e) => onSeo({ description: e.target.value })}
        />
      </Field>
      <Field
        label="Canonical URL"
        id="seoCanonicalUrl"
        error={errors['seo.canonicalUrl']}
        hint={urlNote ?? 'Only when the original of this article lives at another address; empty: its own page.'}
      >
        <input id="seoCanonicalUrl" type="url" value={seo.canonicalUrl} placeholder="https://" onChange={(e) => onSeo({ canonicalUrl: e.target.value })} />
      </Field>
      <div className={errors['seo.noindex'] ? 'field field-check field-invalid' : 'field field-check'}>
        <input id="seoNoindex" type="checkbox" checked={seo.noindex} onChange={(e) => onSeo({ noindex: e.target.checked })} />
        <label htmlFor="seoNoindex">Hide from search engines (also left out of the sitemaps)</label>
        {errors['seo.noindex'] && <small className="field-error">{errors['seo.noindex']}</small>}
      </div>

      <SocialImageField
        value={seo.socialImage}
        image={socialLibrary}
        errors={errors}
        canUseMedia={canUseMedia}
        onEdit={(key, value) => onSocialImage({ key, value })}
        onReplace={(image) => onSocialImage({ image })}
      />

      <div className="seo-previews">
        <section aria-label="Search result preview" className="search-preview" data-testid="search-preview">
          <h4>In search results</h4>
          <div className="search-preview-url">{result.url}</div>
          <div className="search-preview-title">{result.title}</div>
          <div className="search-preview-description">{result.description || <em>No description: search engines pick a passage.</em>}</div>
          {seo.noindex && <p className="hint">Hidden from search engines: this result will not appear.</p>}
        </section>
        <section aria-label="Social card preview" className="social-card" data-testid="social-card">
          <h4>On social media</h4>
          {card.imageUrl ? (
            <img src={card.imageUrl} alt={card.imageAlt} data-testid="social-card-image" data-from={picture?.from} />
          ) : (
            <div className="social-card-noimage">{noPicture}</div>
          )}
          {card.imageUrl && picture?.from === 'hero' && <p className="hint small">The hero image: no social image is set.</p>}
          <div className="social-card-text">
            {card.site && <div className="social-card-site">{card.site}</div>}
            <div className="social-card-title">{card.title}</div>
            <div className="social-card-description">{card.description}</div>
          </div>
        </section>
      </div>

      {published && (
        <fieldset className="fieldset correction-note">
          <legend>Correction or update note</legend>
          <p className="hint">Readers get it with the next publish, with its time (“Updated at …, correction: …”).</p>
          <div className={errors['correction.kind'] ? 'field field-invalid' : 'field'}>
            <label htmlFor="correctionKind">Kind</label>
            <select id="correctionKind" value={correction.kind} onChange={(e) => onCorrection({ kind: e.target.value as CorrectionKind })}>
              <option value="correction">Correction: something was wrong</option>
              <option value="update">Update: something new</option>
            </select>
            {errors['correction.kind'] && <small className="field-error">{errors['correction.kind']}</small>}
          </div>
          <Field label="Note" id="correctionNote" error={errors['correction.note'] ?? errors.correction} hint="Empty: no note with this update.">
            <textarea id="correctionNote" rows={2} maxLength={2000} value={correction.note} onChange={(e) => onCorrection({ note: e.target.value })} />
          </Field>
          {corrections.length > 0 && (
            <ul className="corrections-given" aria-label="Notes readers were given">
              {corrections.map((c) => (
                <li key={c.revision}>
                  {formatDateTime(c.at)}, {c.kind}: {c.note}
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      )}
    </details>
  );
}
