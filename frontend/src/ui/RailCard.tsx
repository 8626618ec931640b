import { Link } from 'react-router-dom';
import type { ImageRef } from '../lib/types';

/** One item of the "Featured" rail as readers see it: an image described by its alt text, a headline, a summary. */
export function RailCard({ headline, summary, image, slug, linked = true }: { headline: string; summary?: string | null; image?: ImageRef | null; slug?: string; linked?: boolean }) {
  const body = (
    <>
      {image?.url ? <img className="rail-image" src={image.url} alt={image.alt ?? ''} /> : <div className="rail-image image-placeholder" aria-hidden="true" />}
      <div className="rail-text">
        <h3 className="rail-headline">{headline}</h3>
        {summary && <p className="rail-summary">{summary}</p>}
      </div>
    </>
  );
  return <article className="rail-item">{linked && slug ? <Link to={`/read/${slug}`} className="rail-link">{body}</Link> : <div className="rail-link">{body}</div>}</article>;
}
