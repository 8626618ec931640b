import { Link } from 'react-router-dom';
import type { ImageRef } from '../lib/types';
import { ImagePreview } from './ImagePreview';

/**
 * One item of the "Featured" rail as readers see it: an image described by its alt text, a headline, a summary.
 * `typed`: the image URL is being typed (a form's preview), so it is loaded only once typing pauses.
 */
export function RailCard({ headline, summary, image, slug, linked = true, typed = false, emptyImageText }: {
  headline: string;
  summary?: string | null;
  image?: ImageRef | null;
  slug?: string;
  linked?: boolean;
  typed?: boolean;
  emptyImageText?: string;
}) {
  const picture = typed ? (
    <ImagePreview url={image?.url} alt={image?.alt ?? ''} className="rail-image" emptyText={emptyImageText ?? 'No image'} testId="rail-image-preview" />
  ) : image?.url ? (
    <img className="rail-image" src={image.url} alt={image.alt ?? ''} />
  ) : (
    <div className="rail-image image-placeholder" aria-hidden="true" />
  );
  const body = (
    <>
      {picture}
      <div className="rail-text">
        <h3 className="rail-headline">{headline}</h3>
        {summary && <p className="rail-summary">{summary}</p>}
      </div>
    </>
  );
  return <article className="rail-item">{linked && slug ? <Link to={`/read/${slug}`} className="rail-link">{body}</Link> : <div className="rail-link">{body}</div>}</article>;
}
