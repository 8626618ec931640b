import { useEffect, useMemo, useState } from 'react';
import { authorizedFetch } from '../../auth';
import { nextPreviewSource, renderMarkdownLocally, sanitize, type PreviewSource } from '../../lib/markdown';
import { useDebounced } from '../../ui/common';

// Shared by every editor on the page: once the endpoint is known to be absent, it is not asked again.
let source: PreviewSource = 'unknown';

/** The body as readers will see it: the server's sanitized HTML when it offers it, else the client's rendering. */
export function BodyPreview({ body }: { body: string }) {
  const debounced = useDebounced(body, 250);
  const local = useMemo(() => renderMarkdownLocally(debounced), [debounced]);
  const [server, setServer] = useState<{ body: string; html: string } | null>(null);
  const [current, setCurrent] = useState<PreviewSource>(source);
  // The server preview did not answer (offline, restarting): show the browser's rendering and ask again on the next change.
  const [unreachable, setUnreachable] = useState(false);

  useEffect(() => {
    if (source === 'client') return;
    const controller = new AbortController();
    authorizedFetch('/api/articles/preview', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ body: debounced }),
      signal: controller.signal,
    })
      .then(async (response) => {
        source = nextPreviewSource(source, response.status);
        setCurrent(source);
        setUnreachable(response.status >= 500);
        if (response.status === 200) {
          const json = (await response.json()) as { html?: string };
          setServer({ body: debounced, html: sanitize(json.html ?? '') });
        }
      })
      .catch(() => {
        if (!controller.signal.aborted) setUnreachable(true);
      });
    return () => controller.abort();
  }, [debounced]);

  const exact = current === 'server' && server?.body === debounced;
  const waiting = current === 'server' && !exact && !unreachable;
  return (
    <section className="preview" aria-labelledby="preview-title">
      <div className="preview-head">
        <h2 id="preview-title" className="preview-title">Preview</h2>
        <span className="muted small" data-testid="preview-source">
          {exact
            ? 'Exact: the sanitized HTML readers get'
            : waiting
              ? 'Updating…'
              : unreachable
                ? 'Rendered in the browser: the server preview cannot be reached'
                : 'Rendered in the browser'}
        </span>
      </div>
      {debounced.trim() ? (
        <div className="prose" data-testid="body-preview" dangerouslySetInnerHTML={{ __html: exact ? server!.html : local }} />
      ) : (
        <p className="muted">The body preview appears here as you write.</p>
      )}
    </section>
  );
}
