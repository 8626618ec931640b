import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { request } from '../lib/api';
import { contentOf, emptyContent, mayEdit, sameContent, toRequest } from '../lib/articleForm';
import { useAuthorDirectory } from '../lib/authors';
import { autosave, describeSave, hasUnsavedWork, initialAutosave, wantsSave } from '../lib/autosave';
import { parseTags, formatDateTime } from '../lib/format';
import type { Action, Article, ArticleContent } from '../lib/types';
import { transitionToast } from '../lib/workflow';
import { ApiError, fieldErrors, messageOf } from '../problem';
import { abilities, useUser } from '../session';
import { ErrorBox, Field, LiveBadge, Loading, PageHeader, StatusBadge } from '../ui/common';
import { useToast } from '../ui/Toasts';
import { BodyPreview } from './editor/BodyPreview';
import { BylinePicker } from './editor/BylinePicker';
import { ConflictDialog } from './editor/ConflictDialog';
import { HistoryPanel } from './editor/HistoryPanel';
import { WorkflowBar } from './editor/WorkflowBar';

const AUTOSAVE_DELAY = 1200;
type SaveOutcome = 'ok' | 'conflict' | 'failed' | 'skipped';

/** Keeps one editor mounted from "new" to its first save (the URL changes, the typing goes on). */
export function EditorRoute() {
  const { id } = useParams();
  const location = useLocation();
  const key = (location.state as { editorKey?: string } | null)?.editorKey ?? `${id}:${location.key}`;
  return <ArticleEditor key={key} editorKey={key} />;
}

export function ArticleEditor({ editorKey }: { editorKey: string }) {
  const { id: routeId } = useParams();
  const navigate = useNavigate();
  const user = useUser();
  const can = abilities(user);
  const toast = useToast();
  const directory = useAuthorDirectory();

  const [articleId, setArticleId] = useState<string | null>(routeId && routeId !== 'new' ? routeId : null);
  const [article, setArticle] = useState<Article | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [form, setForm] = useState<ArticleContent>(emptyContent);
  const [tagsText, setTagsText] = useState('');
  const [base, setBase] = useState<ArticleContent>(emptyContent);
  const [save, dispatch] = useReducer(autosave, initialAutosave);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<{ theirs: Article; version: number } | null>(null);
  const [conflictOpen, setConflictOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [historyTick, setHistoryTick] = useState(0);

  // Refs: the save loop reads the latest values without re-subscribing.
  const formRef = useRef(form);
  formRef.current = form;
  const articleRef = useRef(article);
  articleRef.current = article;
  const versionRef = useRef<number | null>(null);
  const inFlight = useRef<Promise<SaveOutcome> | null>(null);

  const readOnly = !mayEdit(article, user) || (!articleId && !can.writesArticles);

  const adopt = useCallback((loaded: Article, version: number | null) => {
    const content = contentOf(loaded);
    setArticle(loaded);
    setForm(content);
    setBase(content);
    setTagsText(content.tags.join(', '));
    versionRef.current = version ?? loaded.version;
    dispatch({ type: 'loaded', version: versionRef.current });
  }, []);

  const load = useCallback(async () => {
    if (!articleId) return;
    setLoadError(null);
    try {
      const result = await request<Article>(`/api/articles/${articleId}`);
      adopt(result.data, result.version);
    } catch (e) {
      setLoadError(e);
    }
  }, [articleId, adopt]);

  useEffect(() => {
    if (article === null) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const edit = (change: Partial<ArticleContent>) => {
    setForm((f) => ({ ...f, ...change }));
    dispatch({ type: 'edit' });
  };
  const editHero = (key: 'url' | 'alt' | 'caption' | 'credit', value: string) => {
    setForm((f) => ({ ...f, heroImage: { ...(f.heroImage ?? {}), [key]: value } }));
    dispatch({ type: 'edit' });
  };

  const openConflict = useCallback(
    async (): Promise<SaveOutcome> => {
      const current = await request<Article>(`/api/articles/${articleRef.current!.id}`);
      const version = current.version ?? current.data.version;
      if (sameContent(contentOf(current.data), base)) {
        // Only the workflow moved (no one touched the text): nothing of theirs would be overwritten.
        setArticle(current.data);
        versionRef.current = version;
        dispatch({ type: 'save-conflict', serverVersion: version });
        dispatch({ type: 'resolve', choice: 'mine', serverVersion: version });
        return 'conflict';
      }
      setConflict({ theirs: current.data, version });
      setConflictOpen(true);
      dispatch({ type: 'save-conflict', serverVersion: version });
      return 'conflict';
    },
    [base],
  );

  const saveNow = useCallback((): Promise<SaveOutcome> => {
    if (inFlight.current) return inFlight.current;
    const content = formRef.current;
    if (!content.headline.trim()) {
      setErrors({ headline: 'A headline is needed before the draft can be saved.' });
      return Promise.resolve('skipped');
    }
    dispatch({ type: 'save-start' });
    const run = (async (): Promise<SaveOutcome> => {
      try {
        const current = articleRef.current;
        const result = current
          ? await request<Article>(`/api/articles/${current.id}`, { method: 'PUT', body: toRequest(content, current), ifMatch: versionRef.current })
          : await request<Article>('/api/articles', { method: 'POST', body: toRequest(content) });
        versionRef.current = result.version ?? result.data.version;
        setArticle(result.data);
        setBase(content);
        setErrors({});
        if (!content.slug) setForm((f) => ({ ...f, slug: f.slug || result.data.slug }));
        dispatch({ type: 'save-ok', version: versionRef.current, at: Date.now() });
        if (!current) {
          setArticleId(result.data.id);
          toast.success('Draft created');
          navigate(`/articles/${result.data.id}`, { replace: true, state: { editorKey } });
        }
        return 'ok';
      } catch (e) {
        if (e instanceof ApiError && e.status === 412) {
          try {
            return await openConflict();
          } catch (inner) {
            dispatch({ type: 'save-failed', error: messageOf(inner) });
            return 'failed';
          }
        }
        setErrors(e instanceof ApiError ? fieldErrors(e.problem) : {});
        dispatch({ type: 'save-failed', error: messageOf(e) });
        return 'failed';
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = run;
    return run;
  }, [editorKey, navigate, openConflict, toast]);

  // Autosave: a pause in typing saves the draft.
  useEffect(() => {
    if (!wantsSave(save) || readOnly || !form.headline.trim()) return;
    const timer = setTimeout(() => void saveNow(), AUTOSAVE_DELAY);
    return () => clearTimeout(timer);
  }, [save, form, readOnly, saveNow]);

  // Leaving the editor inside the app saves what is pending at once, rather than dropping it with the timer.
  const saveStateRef = useRef(save);
  saveStateRef.current = save;
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  const saveNowRef = useRef(saveNow);
  saveNowRef.current = saveNow;
  useEffect(
    () => () => {
      if (wantsSave(saveStateRef.current) && !readOnlyRef.current && formRef.current.headline.trim()) void saveNowRef.current();
    },
    [],
  );

  // Leaving the page with unsaved work asks first.
  useEffect(() => {
    if (!hasUnsavedWork(save)) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [save]);

  /** Saves whatever is pending before a workflow step; false when it could not be saved. */
  const flush = async (): Promise<boolean> => {
    if (inFlight.current) {
      const outcome = await inFlight.current;
      if (outcome !== 'ok') return false;
    }
    if (save.status === 'dirty' || save.status === 'error' || !sameContent(formRef.current, base)) {
      if (readOnly) return true;
      return (await saveNow()) === 'ok';
    }
    if (save.status === 'conflict') return false;
    return true;
  };

  const runTransition = async (action: Action, comment?: string, at?: string) => {
    setBusy(true);
    try {
      if (!(await flush())) {
        toast.error('Save your changes first: the article could not be saved.');
        return;
      }
      const result = await request<Article>(`/api/articles/${articleRef.current!.id}/transitions`, {
        method: 'POST',
        body: { action, comment, at },
        ifMatch: versionRef.current,
      });
      versionRef.current = result.version ?? result.data.version;
      setArticle(result.data);
      dispatch({ type: 'rebased', version: versionRef.current });
      setHistoryTick((t) => t + 1);
      toast.success(transitionToast(action));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 412 || e.status === 409)) {
        toast.error(`${messageOf(e)}\nThe article has been reloaded.`);
        if (sameContent(formRef.current, base)) await load();
        else {
          const current = await request<Article>(`/api/articles/${articleRef.current!.id}`);
          setArticle(current.data);
        }
        setHistoryTick((t) => t + 1);
      }
      throw e;
    } finally {
      setBusy(false);
    }
  };

  const runFromBar = async (action: Action, comment?: string, at?: string) => {
    try {
      await runTransition(action, comment, at);
    } catch (e) {
      if (!(e instanceof ApiError && (e.status === 412 || e.status === 409))) toast.error(messageOf(e));
      throw e;
    }
  };

  if (loadError) {
    return (
      <>
        <PageHeader title="Article" />
        <ErrorBox error={loadError} onRetry={() => void load()} />
      </>
    );
  }
  if (articleId && !article) return <Loading what="Loading the article" />;

  const hero = form.heroImage ?? {};
  return (
    <>
      <PageHeader
        title={article ? form.headline || article.headline : 'New article'}
        subtitle={
          article ? (
            <>
              <StatusBadge status={article.status} /> <LiveBadge live={article.live} />{' '}
              <span className="muted">
                Working revision {article.workingRevision}
                {article.liveRevision ? ` · live revision ${article.liveRevision}` : ''} · owner {article.owner}
                {article.scheduledPublishAt ? ` · publishes ${formatDateTime(article.scheduledPublishAt)}` : ''}
              </span>
            </>
          ) : (
            'Start with a headline; the draft saves itself as you type.'
          )
        }
      >
        {article && (
          <>
            <Link className="button" to={`/articles/${article.id}/revisions`}>
              Revisions
            </Link>
            {article.live && (
              <Link className="button" to={`/read/${article.slug}`}>
                Reader preview
              </Link>
            )}
          </>
        )}
      </PageHeader>

      <div className="workflow-bar" data-testid="workflow-bar">
        <span className={`save-state save-${save.status}`} role="status" aria-live="polite" data-testid="save-state">
          {readOnly && article ? 'Read only for you in this state' : describeSave(save)}
        </span>
        {save.status === 'error' && !readOnly && (
          <button type="button" className="button button-quiet" onClick={() => void saveNow()}>
            Retry save
          </button>
        )}
        {save.status === 'conflict' && !conflictOpen && (
          <button type="button" className="button button-primary" onClick={() => setConflictOpen(true)}>
            Review the conflict
          </button>
        )}
        {article && <WorkflowBar article={article} busy={busy || save.status === 'saving' || save.status === 'conflict'} onRun={runFromBar} />}
      </div>

      <div className="editor-grid">
        <form className="editor-form" onSubmit={(e) => e.preventDefault()} aria-label="Article" noValidate>
          <fieldset disabled={readOnly} className="plain-fieldset">
            <Field label="Headline" id="headline" error={errors.headline}>
              <input id="headline" value={form.headline} maxLength={200} required className="input-headline" onChange={(e) => edit({ headline: e.target.value })} aria-invalid={!!errors.headline} />
            </Field>
            <Field label="Dek (standfirst)" id="dek" error={errors.dek} hint="One paragraph under the headline.">
              <textarea id="dek" rows={2} maxLength={1000} value={form.dek ?? ''} onChange={(e) => edit({ dek: e.target.value })} />
            </Field>
            <div className="body-split">
              <Field label="Body (Markdown)" id="body" error={errors.body} hint="Paragraphs, **bold**, *italic*, > quotes, lists and links.">
                <textarea id="body" className="input-body" rows={18} value={form.body ?? ''} onChange={(e) => edit({ body: e.target.value })} />
              </Field>
              <BodyPreview body={form.body ?? ''} />
            </div>

            <fieldset className="fieldset">
              <legend>Hero image</legend>
              <div className="hero-grid">
                <div>
                  <Field label="Image URL" id="hero-url" error={errors['heroImage.url'] ?? errors.heroImage}>
                    <input id="hero-url" type="url" value={hero.url ?? ''} placeholder="https://…" onChange={(e) => editHero('url', e.target.value)} />
                  </Field>
                  <Field label="Alt text" id="hero-alt" error={errors['heroImage.alt']} hint="Describe the picture for people who cannot see it.">
                    <input id="hero-alt" value={hero.alt ?? ''} maxLength={300} onChange={(e) => editHero('alt', e.target.value)} />
                  </Field>
                  <Field label="Caption" id="hero-caption" error={errors['heroImage.caption']}>
                    <input id="hero-caption" value={hero.caption ?? ''} maxLength={500} onChange={(e) => editHero('caption', e.target.value)} />
                  </Field>
                  <Field label="Credit" id="hero-credit" error={errors['heroImage.credit']}>
                    <input id="hero-credit" value={hero.credit ?? ''} maxLength={200} onChange={(e) => editHero('credit', e.target.value)} />
                  </Field>
                </div>
                <figure className="hero-preview">
                  {hero.url ? <img src={hero.url} alt={hero.alt ?? ''} /> : <div className="image-placeholder">No image</div>}
                  {hero.url && !hero.alt && <figcaption className="field-error">Add alt text for this image.</figcaption>}
                </figure>
              </div>
            </fieldset>

            <Field label="Tags" id="tags" error={errors.tags ?? Object.entries(errors).find(([k]) => k.startsWith('tags['))?.[1]} hint="Separate tags with commas.">
              <input
                id="tags"
                value={tagsText}
                onChange={(e) => {
                  setTagsText(e.target.value);
                  edit({ tags: parseTags(e.target.value) });
                }}
              />
            </Field>
            <BylinePicker value={form.byline} names={directory} onChange={(byline) => edit({ byline })} disabled={readOnly} />
            {(errors.byline || Object.keys(errors).some((k) => k.startsWith('byline['))) && (
              <p className="field-error" role="alert">
                {errors.byline ?? Object.entries(errors).find(([k]) => k.startsWith('byline['))?.[1]}
              </p>
            )}

            <details className="advanced">
              <summary>Address (slug)</summary>
              <Field label="Slug" id="slug" error={errors.slug} hint="Lowercase words joined by hyphens; derived from the headline when empty. A renamed slug redirects.">
                <input id="slug" value={form.slug ?? ''} onChange={(e) => edit({ slug: e.target.value })} />
              </Field>
            </details>
          </fieldset>
          {!article && (
            <div className="form-actions">
              <button type="button" className="button button-primary" onClick={() => void saveNow()} disabled={!form.headline.trim() || save.status === 'saving'}>
                Create draft
              </button>
            </div>
          )}
        </form>

        {article && (
          <aside className="editor-side">
            <HistoryPanel articleId={article.id} refresh={historyTick} canComment={can.writesArticles} />
          </aside>
        )}
      </div>

      {conflict && conflictOpen && (
        <ConflictDialog
          base={base}
          mine={form}
          theirs={contentOf(conflict.theirs)}
          theirsBy="Someone"
          onKeep={(merged) => {
            setForm(merged);
            setTagsText(merged.tags.join(', '));
            setBase(contentOf(conflict.theirs));
            setArticle(conflict.theirs);
            versionRef.current = conflict.version;
            dispatch({ type: 'resolve', choice: 'mine', serverVersion: conflict.version });
            setConflict(null);
            setConflictOpen(false);
          }}
          onDiscard={() => {
            adopt(conflict.theirs, conflict.version);
            setConflict(null);
            setConflictOpen(false);
            toast.info('Your changes were discarded; you now see the latest version.');
          }}
          onClose={() => setConflictOpen(false)}
        />
      )}
    </>
  );
}
