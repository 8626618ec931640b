import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { request } from '../lib/api';
import { formatDate, xHandle } from '../lib/format';
import { sanitize } from '../lib/markdown';
import type { PublicArticle, PublicAuthor, PublicSummary, ResolvedList } from '../lib/types';
import { ApiError } from '../problem';
import { ErrorBox, Loading, PageHeader, useLoad } from '../ui/common';
import { RailCard } from '../ui/RailCard';

const publicGet = <T,>(url: string, signal?: AbortSignal) => request<T>(url, { anonymous: true, signal }).then((r) => r.data);

/** Published articles to preview, newest first, from the public API. */
export function ReaderIndex() {
  const { data, error, loading, reload } = useLoad((signal) => publicGet<{ items: PublicSummary[] }>('/public/v1/articles?limit=20', signal), []);
  return (
    <>
      <PageHeader title="Reader preview" subtitle="Published articles exactly as the public content API serves them to readers." />
      <ErrorBox error={error} onRetry={reload} />
      {loading && !data && <Loading what="Loading published articles" />}
      {data && data.items.length === 0 && <p className="muted">Nothing is published yet.</p>}
      <ul className="reader-index">
        {data?.items.map((a) => (
          <li key={a.id}>
            <Link to={`/read/${a.slug}`} className="reader-index-link">
              {a.heroImage?.url ? <img src={a.heroImage.url} alt={a.heroImage.alt ?? ''} /> : <div className="image-placeholder" aria-hidden="true" />}
              <span>
                <strong>{a.headline}</strong>
                <span className="muted small">
                  {formatDate(a.publishedAt)}
                  {a.authors?.length ? ` · ${a.authors.map((x) => x.displayName).join(', ')}` : ''}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

/** One published article as readers see it, with "About the Author" and the "Featured" rail, all from /public/v1. */
export function ReaderPreview() {
  const { slug } = useParams();
  const [params, setParams] = useSearchParams();
  const railSlug = params.get('rail') || 'featured';
  const [railInput, setRailInput] = useState(railSlug);
  const article = useLoad((signal) => publicGet<PublicArticle>(`/public/v1/articles/${slug}`, signal), [slug]);
  const rail = useLoad((signal) => publicGet<ResolvedList>(`/public/v1/lists/${railSlug}`, signal), [railSlug]);

  return (
    <>
      <div className="reader-toolbar">
        <Link to="/read" className="button button-small">
          All published articles
        </Link>
        <form
          className="field-inline"
          onSubmit={(e) => {
            e.preventDefault();
            setParams(railInput.trim() ? { rail: railInput.trim() } : {});
          }}
        >
          <label htmlFor="rail-slug">Rail list</label>
          <input id="rail-slug" value={railInput} onChange={(e) => setRailInput(e.target.value)} size={14} />
          <button type="submit" className="button button-small">
            Show
          </button>
        </form>
      </div>
      <div className="reader" data-testid="reader">
        <div className="reader-main">
          {article.error ? (
            article.error instanceof ApiError && article.error.status === 404 ? (
              <div className="panel">
                <h1>Not published</h1>
                <p>Readers cannot see “{slug}”: it has no live revision.</p>
              </div>
            ) : (
              <ErrorBox error={article.error} onRetry={article.reload} />
            )
          ) : !article.data ? (
            <Loading what="Loading the article" />
          ) : (
            <ArticleView article={article.data} />
          )}
        </div>
        <aside className="reader-rail" aria-labelledby="featured-title">
          <h2 id="featured-title" className="rail-title">
            Featured
          </h2>
          {rail.error ? (
            <p className="muted small">{rail.error instanceof ApiError && rail.error.status === 404 ? `No list “${railSlug}” is live.` : String((rail.error as Error).message)}</p>
          ) : !rail.data ? (
            <Loading what="Loading the rail" />
          ) : (
            <div className="rail" data-testid="featured-rail">
              {rail.data.items.map((i) => (
                <RailCard key={i.articleId} headline={i.headline} summary={i.summary} image={i.image} slug={i.slug} />
              ))}
              {rail.data.items.length === 0 && <p className="muted small">The list is empty.</p>}
            </div>
          )}
        </aside>
      </div>
    </>
  );
}

function ArticleView({ article }: { article: PublicArticle }) {
  return (
    <article className="reader-article">
      <header>
        {article.tags.length > 0 && <p className="kicker">{article.tags.join(' · ')}</p>}
        <h1 className="reader-headline">{article.headline}</h1>
        {article.dek && <p className="reader-dek">{article.dek}</p>}
        <p className="reader-byline">
          {article.authors.length > 0 && <>By {article.authors.map((a) => a.displayName).join(' and ')} · </>}
          <time dateTime={article.publishedAt ?? undefined}>{formatDate(article.publishedAt)}</time>
          {article.updatedAt && article.updatedAt !== article.publishedAt && <span className="muted"> · updated {formatDate(article.updatedAt)}</span>}
        </p>
      </header>
      {article.heroImage?.url && (
        <figure className="reader-hero">
          <img src={article.heroImage.url} alt={article.heroImage.alt ?? ''} />
          {(article.heroImage.caption || article.heroImage.credit) && (
            <figcaption>
              {article.heroImage.caption}
              {article.heroImage.credit && <span className="credit"> {article.heroImage.credit}</span>}
            </figcaption>
          )}
        </figure>
      )}
      <div className="prose reader-body" data-testid="reader-body" dangerouslySetInnerHTML={{ __html: sanitize(article.bodyHtml) }} />
      {article.authors.length > 0 && (
        <section className="about" aria-labelledby="about-title" data-testid="about-author">
          <h2 id="about-title">About the Author{article.authors.length > 1 ? 's' : ''}</h2>
          {article.authors.map((a) => (
            <AuthorBox key={a.id} author={a} />
          ))}
          {article.authorsDegraded && <p className="muted small">Author details are temporarily incomplete.</p>}
        </section>
      )}
    </article>
  );
}

function AuthorBox({ author }: { author: PublicAuthor }) {
  const s = author.social ?? {};
  return (
    <div className="author-box">
      {author.avatar?.url ? <img className="avatar avatar-large" src={author.avatar.url} alt={author.avatar.alt ?? ''} /> : <div className="avatar avatar-large image-placeholder" aria-hidden="true" />}
      <div>
        <h3 className="author-box-name">{author.displayName}</h3>
        <p className="muted">
          {[author.jobTitle, author.organization].filter(Boolean).join(', ')}
          {s.x && (
            <>
              {' · '}
              <a href={`https://x.com/${xHandle(s.x).slice(1)}`} rel="noopener noreferrer">
                {xHandle(s.x)}
              </a>
            </>
          )}
        </p>
        {author.bioHtml && <div className="prose small" dangerouslySetInnerHTML={{ __html: sanitize(author.bioHtml) }} />}
        <p className="author-links small">
          {s.website && <a href={s.website} rel="noopener noreferrer">Website</a>}
          {s.linkedin && <a href={s.linkedin} rel="noopener noreferrer">LinkedIn</a>}
          {s.mastodon && <a href={s.mastodon} rel="me noopener noreferrer">Mastodon</a>}
        </p>
      </div>
    </div>
  );
}
