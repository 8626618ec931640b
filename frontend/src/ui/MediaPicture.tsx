import { useState, type MouseEventHandler, type Ref } from 'react';
import { pictureAttrs } from '../lib/media';
import type { MediaShape } from '../lib/types';

/**
 * A library picture in one of its shapes: WebP and JPEG srcsets with `sizes`, the JPEG `src` as the fallback, its
 * width and height (so the layout does not jump), loaded lazily by default. A picture that cannot be loaded is said
 * in words; a shape that is missing shows a placeholder.
 */
export function MediaPicture({ shape, alt, sizes, className, imgClassName, loading = 'lazy', imgRef, onClick, testId }: {
  shape: MediaShape | null | undefined;
  alt: string;
  sizes: string;
  className?: string;
  imgClassName?: string;
  loading?: 'lazy' | 'eager';
  imgRef?: Ref<HTMLImageElement>;
  onClick?: MouseEventHandler<HTMLImageElement>;
  testId?: string;
}) {
  const attrs = pictureAttrs(shape, sizes);
  const [failed, setFailed] = useState<string | null>(null);
  if (!attrs) {
    return (
      <div className={`image-placeholder ${className ?? ''}`} data-testid={testId}>
        No preview yet
      </div>
    );
  }
  if (failed === attrs.src) {
    return (
      <div className={`media-failed ${className ?? ''}`} data-testid={testId}>
        <p className="image-failed" role="status">
          This picture could not be loaded.
        </p>
      </div>
    );
  }
  return (
    <picture className={className} data-testid={testId}>
      {attrs.sources.map((s) => (
        <source key={s.type} type={s.type} srcSet={s.srcSet} sizes={s.sizes} />
      ))}
      <img
        ref={imgRef}
        className={imgClassName}
        src={attrs.src}
        width={attrs.width || undefined}
        height={attrs.height || undefined}
        sizes={attrs.sizes}
        alt={alt}
        loading={loading}
        decoding="async"
        onClick={onClick}
        onError={() => setFailed(attrs.src)}
      />
    </picture>
  );
}

/** The badge of a picture that cannot be published yet. */
export function NeedsAltBadge() {
  return (
    <span className="badge badge-warn" data-testid="needs-alt" title="Add alt text: a picture without it cannot be published">
      Needs alt text
    </span>
  );
}
