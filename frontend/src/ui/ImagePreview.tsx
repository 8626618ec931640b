import { useState } from 'react';
import { useDebounced } from './common';

type LoadState = 'idle' | 'loading' | 'loaded' | 'failed';

/** Whether a typed address is worth asking the browser to load (a complete http(s) URL or a path on this site). */
export function loadableUrl(url: string | null | undefined): string | null {
  const text = (url ?? '').trim();
  if (text.startsWith('/') && !text.startsWith('//')) return text;
  try {
    const parsed = new URL(text);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname.includes('.') || parsed.hostname === 'localhost' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * The picture an image URL field points at. It waits until typing pauses (no request per keystroke), shows a
 * placeholder while there is nothing to load, and says so in words when the image cannot be loaded.
 */
export function ImagePreview({ url, alt, className, emptyText = 'No image', testId }: { url: string | null | undefined; alt: string; className?: string; emptyText?: string; testId?: string }) {
  const settled = useDebounced((url ?? '').trim(), 600);
  const src = loadableUrl(settled);
  // The outcome is kept with the address it belongs to, so a picture the browser already holds (its load event can
  // come before any effect runs) is never put back to "loading", and an old outcome never shows for a new address.
  const [outcome, setOutcome] = useState<{ src: string; state: 'loaded' | 'failed' } | null>(null);
  const state: LoadState = !src ? 'idle' : outcome?.src === src ? outcome.state : 'loading';
  const typing = (url ?? '').trim() !== settled;
  if (!src) {
    return (
      <div className={`image-placeholder ${className ?? ''}`} data-testid={testId}>
        {settled && !typing ? 'Not an image address yet' : emptyText}
      </div>
    );
  }
  return (
    <div className={`image-preview ${className ?? ''}`} data-testid={testId} data-state={state}>
      {state !== 'failed' && <img src={src} alt={alt} onLoad={() => setOutcome({ src, state: 'loaded' })} onError={() => setOutcome({ src, state: 'failed' })} />}
      {state === 'failed' && (
        <p className="image-failed" role="status">
          This image could not be loaded. Check the address.
        </p>
      )}
    </div>
  );
}
