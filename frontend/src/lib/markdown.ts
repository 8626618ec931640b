import DOMPurify from 'dompurify';
import { marked } from 'marked';

/**
 * The editor's body preview. The exact HTML readers get comes from the server (commonmark + jsoup) through
 * POST /api/articles/preview; while that endpoint is absent (404/405) the client renders an approximation with
 * marked + DOMPurify. The client copy also shows instantly while the server answer is on its way.
 */
export type PreviewSource = 'unknown' | 'server' | 'client';

/** What to use next after the preview endpoint answered with this status. */
export function nextPreviewSource(current: PreviewSource, status: number): PreviewSource {
  if (status === 200) return 'server';
  if (status === 404 || status === 405 || status === 501) return 'client'; // not deployed: stop asking
  return current; // a passing failure (5xx, timeout): keep what we had and try again next time
}

export function renderMarkdownLocally(markdown: string): string {
  const html = marked.parse(markdown ?? '', { async: false, gfm: true, breaks: false }) as string;
  return sanitize(html);
}

/** Defence in depth for any HTML put into the page, even HTML the server already sanitized. */
export function sanitize(html: string): string {
  return DOMPurify.sanitize(html ?? '', { USE_PROFILES: { html: true } });
}
