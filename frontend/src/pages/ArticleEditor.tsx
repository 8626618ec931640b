import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { request } from '../lib/api';
import { contentOf, emptyContent, mayEdit, sameContent, toRequest } from '../lib/articleForm';
import { useAuthorDirectory, useMyProfile } from '../lib/authors';
import { autosave, describeSave, hasUnsavedWork, initialAutosave, saveBlocker, wantsSave } from '../lib/autosave';
import { parseTags, formatDateTime } from '../lib/format';
import { correctionOf, seoOf, type CorrectionForm, type SeoForm } from '../lib/seo';
import { SOCIAL_IMAGE_ERROR_KEYS, SOCIAL_IMAGE_FIELD, type SocialImageForm } from '../lib/socialImage';
import { TagInput } from './editor/TagInput';
import type { Action, Article, ArticleContent, HistoryEntry, RevisionSummary } from '../lib/types';
import { describeOutsideChange, transitionToast } from '../lib/workflow';
import { ApiError, fieldErrors, fieldLabel, messageOf } from '../problem';
import { abilities, useUser } from '../session';
import { ArticleStateBadge, ErrorBox, Field, Loading, PageHeader, focusFirstError, useFocusOnErrors } from '../ui/common';
import { useToast } from '../ui/Toasts';
import { BodyPreview } from './editor/BodyPreview';
import { BylinePicker } from './editor/BylinePicker';
import { SectionPicker } from './editor/SectionPicker';
import { SeoPanel } from './editor/SeoPanel';
import { RelatedPanel } from './editor/RelatedPanel';
import { ConflictDialog } from './editor/ConflictDialog';
import { HeroImageField } from './editor/HeroImageField';
import { HistoryPanel } from './editor/HistoryPanel';
import { PreviewLinksPanel } from './editor/PreviewLinksPanel';
import { mayShare } from '../lib/previewLinks';
import { WorkflowBar } from './editor/WorkflowBar';
import { LockBanner, LockDialog, PresenceBar } from './editor/Presence';
import { usePresence } from './editor/usePresence';
import { lockedOut, unsentText } from '../lib/presence';
import { UnsentEditsBanner, useUnsentEdits } from './editor/UnsentEdits';
import { AssigneePicker } from './editor/AssigneePicker';
import { EmbargoBanner, EmbargoPanel } from './editor/EmbargoPanel';
import { ExpiryPanel } from './editor/ExpiryPanel';
import { embargoRequest, expiryText, publishRefusal, type EmbargoForm } from '../lib/embargo';

const AUTOSAVE_DELAY = 1200;
/** How often an open article asks whether it changed elsewhere (also on focus and on a message from another tab). */
const WATCH_EVERY = 15_000;
type SaveOutcome = 'ok' | 'conflict' | 'failed' | 'skipped';

/** A failure of the connection or a passing outage, retried by itself, rather than a refusal of the content. */
const isOffline = (e: unknown) => e instanceof TypeError || (e instanceof ApiError && (e.status === 0 || e.status === 502 || e.status === 503 || e.status === 504));

/** Tabs of the same browser tell each other about their saves, so an open tab notices at once. */
const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('cms-articles') : null;

/** Form fields an edit touches, to clear their errors as soon as the person fixes them. */
function touchedKeys(change: Partial<ArticleContent>): string[] {
  return Object.keys(change).flatMap((k) =>
    k === 'heroImage'
      ? ['heroImage', 'heroImage.mediaId', 'heroImage.url', 'heroImage.alt', 'heroImage.caption', 'heroImage.credit']
      : k === 'seo'
        ? ['seo', 'seo.title', 'seo.description', 'seo.canonicalUrl', 'seo.noindex']
        : k === 'correction'
          ? ['correction', 'correction.kind', 'correction.note']
          : [k],
  );
}

/** The sentence after a failed save: which fields to fix, by their labels. */
function refusal(errors: Record<string, string>): string {
  const labels = Object.keys(errors).map(fieldLabel);
  return labels.length ? `check ${labels.join(', ')}` : 'the server refused the change';
}

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
  const me = useMyProfile();

  const [articleId, setArticleId] = useState<string | null>(routeId && routeId !== 'new' ? routeId : null);
  const [article, setArticle] = useState<Article | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [form, setForm] = useState<ArticleContent>(emptyContent);
  const [tagsText, setTagsText] = useState('');
  const [base, setBase] = useState<ArticleContent>(emptyContent);
  const [save, dispatch] = useReducer(autosave, initialAutosave);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const focusErrors = useFocusOnErrors(errors);
  const [conflict, setConflict] = useState<{ theirs: Article; version: number } | null>(null);
  const [conflictOpen, setConflictOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [historyTick, setHistoryTick] = useState(0);
  /** What changed elsewhere (the scheduler, another person, another tab), in words, until dismissed. */
  const [notice, setNotice] = useState<string | null>(null);
  const [theirsBy, setTheirsBy] = useState('A newer version was saved.');
  /** Why the last publish was refused, in words (an embargo), until the next step. */
  const [refusedWhy, setRefusedWhy] = useState<string | null>(null);

  // Refs: the save loop reads the latest values without re-subscribing.
  const formRef = useRef(form);
  formRef.current = form;
  const articleRef = useRef(article);
  articleRef.current = article;
  const versionRef = useRef<number | null>(null);
  const inFlight = useRef<Promise<SaveOutcome> | null>(null);

  // Who else has it open, and its soft lock: someone else editing makes this tab read-only until it takes over.
  const presence = usePresence(article ? article.id : null, mayEdit(article, user));
  const lockBlocks = lockedOut(presence.lock);
  const readOnly = !mayEdit(article, user) || (!articleId && !can.writesArticles) || lockBlocks;

  // No lost keystrokes: what the server has not acknowledged is kept in this browser, and a crashed or closed tab's
  // unsent edits are offered back (the form waits for the choice).
  const unsent = useUnsentEdits({
    user: user.username,
    articleId,
    ready: !articleId || article !== null,
    form,
    base,
    version: save.version,
    active: !readOnly,
  });
  const [comparingUnsent, setComparingUnsent] = useState(false);

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

  const clearErrors = (keys: string[]) =>
    setErrors((current) => {
      if (!keys.some((k) => current[k])) return current;
      const next = { ...current };
      keys.forEach((k) => delete next[k]);
      return next;
    });
  const edit = (change: Partial<ArticleContent>) => {
    setForm((f) => ({ ...f, ...change }));
    clearErrors(touchedKeys(change));
    dispatch({ type: 'edit' });
  };
  const editSeo = (change: Partial<SeoForm>) => {
    setForm((f) => ({ ...f, seo: { ...seoOf(f.seo), ...change } }));
    clearErrors(touchedKeys({ seo: null }));
    dispatch({ type: 'edit' });
  };
  /** One word of the social image edited (only its own errors go), or the whole of it replaced (all of them go). */
  const editSocialImage = (change: { key: 'url' | 'alt'; value: string } | { image: SocialImageForm }) => {
    setForm((f) => {
      const now = seoOf(f.seo);
      const socialImage = 'image' in change ? change.image : { ...now.socialImage, [change.key]: change.value };
      return { ...f, seo: { ...now, socialImage } };
    });
    clearErrors(
      'image' in change
        ? SOCIAL_IMAGE_ERROR_KEYS
        : [SOCIAL_IMAGE_FIELD, `${SOCIAL_IMAGE_FIELD}.${change.key}`, ...(change.key === 'url' ? [`${SOCIAL_IMAGE_FIELD}.alt`] : [])],
    );
    dispatch({ type: 'edit' });
  };
  const editCorrection = (change: Partial<CorrectionForm>) => {
    setForm((f) => ({ ...f, correction: { ...correctionOf(f.correction), ...change } }));
    clearErrors(touchedKeys({ correction: null }));
    dispatch({ type: 'edit' });
  };
  const editHero = (key: 'url' | 'alt' | 'caption' | 'credit', value: string) => {
    setForm((f) => ({ ...f, heroImage: { ...(f.heroImage ?? {}), [key]: value } }));
    clearErrors(['heroImage', `heroImage.${key}`, ...(key === 'url' ? ['heroImage.alt'] : [])]);
    dispatch({ type: 'edit' });
  };

  // A new article starts with the signed-in person's byline (when they have an author profile).
  const bylineSeeded = useRef(false);
  useEffect(() => {
    if (articleId || bylineSeeded.current || !me) return;
    bylineSeeded.current = true;
    setForm((f) => (f.byline.length ? f : { ...f, byline: [me.id] }));
    setBase((b) => (b.byline.length ? b : { ...b, byline: [me.id] }));
  }, [articleId, me]);

  /** Who saved the newest content: the working revision's author (one person per editing session). */
  const lastSaver = useCallback(async (id: string): Promise<string | null> => {
    const revisions = await request<{ items: RevisionSummary[] }>(`/api/articles/${id}/revisions`).catch(() => null);
    return revisions?.data.items.find((r) => r.working)?.author ?? null;
  }, []);

  /** Says in words what happened to the article since `since` (its updatedAt as this page knew it). */
  const explainChange = useCallback(
    async (id: string, since: string) => {
      const [history, saver] = await Promise.all([
        request<{ items: HistoryEntry[] }>(`/api/articles/${id}/history`).then((r) => r.data.items, () => [] as HistoryEntry[]),
        lastSaver(id),
      ]);
      return describeOutsideChange(history, since, user.username, saver);
    },
    [lastSaver, user.username],
  );

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
      const saver = await lastSaver(current.data.id);
      setTheirsBy(
        saver === user.username ? 'You saved a newer version in another tab or window.' : saver ? `${saver} saved a newer version.` : 'A newer version was saved.',
      );
      setConflict({ theirs: current.data, version });
      setConflictOpen(true);
      dispatch({ type: 'save-conflict', serverVersion: version });
      return 'conflict';
    },
    [base, lastSaver, user.username],
  );

  const saveNow = useCallback((): Promise<SaveOutcome> => {
    if (inFlight.current) return inFlight.current;
    const content = formRef.current;
    const blocked = saveBlocker(content);
    if (blocked) {
      setErrors((current) => ({ ...current, [blocked.field]: blocked.message }));
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
        if (!content.primarySectionId) setForm((f) => ({ ...f, primarySectionId: f.primarySectionId || result.data.primarySectionId || null }));
        dispatch({ type: 'save-ok', version: versionRef.current, at: Date.now() });
        toast.clearErrors();
        channel?.postMessage({ id: result.data.id, version: versionRef.current });
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
        if (isOffline(e)) {
          dispatch({ type: 'save-failed', error: messageOf(e), offline: true });
          return 'failed';
        }
        const byField = e instanceof ApiError ? fieldErrors(e.problem) : {};
        setErrors(byField);
        dispatch({ type: 'save-failed', error: e instanceof ApiError && e.hasFieldErrors ? refusal(byField) : messageOf(e) });
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
    if (!wantsSave(save) || readOnly) return;
    const timer = setTimeout(() => void saveNow(), AUTOSAVE_DELAY);
    return () => clearTimeout(timer);
  }, [save, form, readOnly, saveNow]);

  // A save that failed on the connection is retried by itself: when the browser is back online, and every few
  // seconds (backing off) in case it never said it was gone.
  const retries = useRef(0);
  useEffect(() => {
    if (save.status !== 'error' || !save.offline) {
      if (save.status === 'saved' || save.status === 'clean') retries.current = 0;
      return;
    }
    const retry = () => dispatch({ type: 'retry' });
    const timer = setTimeout(retry, Math.min(60_000, 3000 * 2 ** retries.current++));
    window.addEventListener('online', retry);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', retry);
    };
  }, [save]);

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

  /** Saves whatever is pending before a workflow step; false when it could not be saved (the reason is on screen). */
  const flush = async (): Promise<boolean> => {
    if (inFlight.current) {
      const outcome = await inFlight.current;
      if (outcome !== 'ok') return false;
    }
    if (save.status === 'conflict') {
      setConflictOpen(true);
      return false;
    }
    if (save.status === 'dirty' || save.status === 'error' || !sameContent(formRef.current, base)) {
      if (readOnly) return true;
      return (await saveNow()) === 'ok';
    }
    return true;
  };

  /** After a 409/412 on a step: take what the server has now and say what happened, in words. */
  const catchUp = async (id: string) => {
    const since = articleRef.current?.updatedAt ?? new Date(0).toISOString();
    const current = await request<Article>(`/api/articles/${id}`);
    if (sameContent(formRef.current, base)) adopt(current.data, current.version);
    else {
      setArticle(current.data);
      versionRef.current = current.version ?? current.data.version;
      dispatch({ type: 'rebased', version: versionRef.current });
    }
    setNotice(`${await explainChange(id, since)} The page now shows the article as it is; check it and try again.`);
    setHistoryTick((t) => t + 1);
  };

  /**
   * Runs a workflow step. Problems with the dialog's own fields (time, comment) are thrown back to the dialog;
   * everything else is shown here once: field errors at their fields, a conflict as what happened.
   */
  const runFromBar = async (action: Action, comment?: string, at?: string) => {
    setBusy(true);
    try {
      if (!(await flush())) {
        const blocked = saveBlocker(formRef.current);
        if (blocked) {
          focusErrors();
          setErrors((current) => ({ ...current, [blocked.field]: blocked.message }));
        } else if (!focusFirstError() && save.status !== 'conflict') {
          toast.error('The step was not taken: your latest changes could not be saved yet.');
        }
        return;
      }
      const result = await request<Article>(`/api/articles/${articleRef.current!.id}/transitions`, {
        method: 'POST',
        body: { action, comment, at },
        ifMatch: versionRef.current,
      });
      afterStep(result.data, result.version);
      toast.success(transitionToast(action, at));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && publishRefusal(e.problem)) {
        // refused for a reason the article itself holds (an embargo): say it plainly, nothing changed elsewhere
        setRefusedWhy(publishRefusal(e.problem));
      } else if (e instanceof ApiError && e.hasFieldErrors) {
        const byField = fieldErrors(e.problem);
        if (Object.keys(byField).every((k) => k === 'at' || k === 'comment')) throw e;
        focusErrors();
        setErrors(byField);
      } else if (e instanceof ApiError && (e.status === 412 || e.status === 409)) {
        await catchUp(articleRef.current!.id).catch(() => toast.error('This article changed elsewhere and could not be reloaded. Reload the page.'));
      } else {
        toast.error(messageOf(e));
      }
    } finally {
      setBusy(false);
    }
  };

  /** The article as a step (a transition, an embargo) left it: shown, its version taken, other tabs told. */
  const afterStep = (changed: Article, version: number | null) => {
    versionRef.current = version ?? changed.version;
    setArticle(changed);
    dispatch({ type: 'rebased', version: versionRef.current });
    setHistoryTick((t) => t + 1);
    setNotice(null);
    setRefusedWhy(null);
    channel?.postMessage({ id: changed.id, version: versionRef.current });
  };

  /**
   * Sets or lifts the embargo (If-Match, like every change). Problems with the panel's fields, and refusals the panel
   * explains (a live article), are thrown back to it; a stale version is caught up here.
   */
  const changeEmbargo = async (form: EmbargoForm | null) => {
    setBusy(true);
    try {
      if (!(await flush())) {
        toast.error('The embargo was not changed: your latest changes could not be saved yet.');
        return;
      }
      const id = articleRef.current!.id;
      const result = form
        ? await request<Article>(`/api/articles/${id}/embargo`, { method: 'PUT', body: embargoRequest(form), ifMatch: versionRef.current })
        : await request<Article>(`/api/articles/${id}/embargo`, { method: 'DELETE', ifMatch: versionRef.current });
      afterStep(result.data, result.version);
      toast.success(form ? 'Embargo set' : 'Embargo lifted: the article is an ordinary one again');
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        await catchUp(articleRef.current!.id).catch(() => toast.error('This article changed elsewhere and could not be reloaded. Reload the page.'));
      } else {
        throw e;
      }
    } finally {
      setBusy(false);
    }
  };

  // The page notices changes made elsewhere: the scheduler, another person, or this person in another tab.
  const watchRef = useRef<() => void>(() => undefined);
  watchRef.current = () => {
    const current = articleRef.current;
    if (!current || inFlight.current || document.visibilityState === 'hidden') return;
    const since = current.updatedAt;
    void request<Article>(`/api/articles/${current.id}`)
      .then(async (latest) => {
        const version = latest.version ?? latest.data.version;
        if (inFlight.current || versionRef.current === null || version <= versionRef.current) return;
        const words = await explainChange(current.id, since);
        const mineUnsaved = !sameContent(formRef.current, base);
        const textChanged = !sameContent(contentOf(latest.data), base);
        if (!mineUnsaved) {
          adopt(latest.data, version);
          setNotice(`${words} The page now shows the latest version.`);
        } else if (!textChanged) {
          setArticle(latest.data);
          versionRef.current = version;
          dispatch({ type: 'rebased', version });
          setNotice(`${words} Your unsaved changes are kept.`);
        } else {
          setNotice(`${words} When your changes are saved you will choose, field by field, what to keep.`);
        }
        setHistoryTick((t) => t + 1);
      })
      .catch(() => undefined);
  };
  useEffect(() => {
    const check = () => watchRef.current();
    const timer = setInterval(check, WATCH_EVERY);
    const onMessage = (event: MessageEvent<{ id: string }>) => {
      if (event.data?.id === articleRef.current?.id) check();
    };
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    channel?.addEventListener('message', onMessage);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
      channel?.removeEventListener('message', onMessage);
    };
  }, []);

  if (loadError instanceof ApiError && loadError.status === 404) {
    // the same words for an article that does not exist and one kept from this person (an embargo): nothing to tell apart
    return (
      <>
        <PageHeader title="Article not found" />
        <div className="error-box" role="alert" data-testid="article-not-found">
          <p>There is no article at this address. It may have been deleted, or the link is wrong.</p>
          <Link to="/">Back to the dashboard</Link>
        </div>
      </>
    );
  }
  if (loadError) {
    return (
      <>
        <PageHeader title="Article" />
        <ErrorBox error={loadError} onRetry={() => void load()} />
      </>
    );
  }
  if (articleId && !article) return <Loading what="Loading the article" />;

  const blocker = save.status === 'dirty' || save.status === 'error' ? saveBlocker(form) : null;
  const headlineError = errors.headline ?? (blocker?.field === 'headline' ? blocker.message : undefined);
  return (
    <>
      <PageHeader
        title={article ? form.headline || article.headline : 'New article'}
        subtitle={
          article ? (
            <>
              <ArticleStateBadge article={article} testId="article-state" />{' '}
              <span className="muted">
                {article.scheduledPublishAt ? `Publishes ${formatDateTime(article.scheduledPublishAt)} · ` : ''}
                {article.live && article.scheduledUnpublishAt ? `${expiryText(article.scheduledUnpublishAt)} · ` : ''}owner {article.owner}
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

      {article && <PresenceBar view={presence.view} me={user.username} />}
      <LockBanner lock={presence.lock} view={presence.view} me={user.username} unsent={unsentText(form, base)} onTakeOver={presence.takeOver} />

      {notice && (
        <div className="notice" role="status" data-testid="outside-change">
          <p>{notice}</p>
          <button type="button" className="button button-small button-quiet" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}

      <UnsentEditsBanner
        offer={unsent.offer}
        readOnly={readOnly}
        current={form}
        onRestore={() => {
          if (unsent.offer.kind === 'none') return;
          const restored = unsent.offer.edits.content;
          setForm(restored);
          setTagsText(restored.tags.join(', '));
          dispatch({ type: 'edit' });
          unsent.settle();
          toast.info('Your unsaved changes are back; they are being saved.');
        }}
        onCompare={() => setComparingUnsent(true)}
        onDiscard={() => {
          unsent.settle();
          toast.info('Your unsaved changes from before were discarded.');
        }}
      />
      {article && <EmbargoBanner article={article} />}
      {refusedWhy && (
        <div className="error-box" role="alert" data-testid="publish-refused">
          <p>{refusedWhy}</p>
        </div>
      )}

      <div className="workflow-bar" data-testid="workflow-bar">
        <span className={`save-state save-${blocker ? 'blocked' : save.status}`} role="status" aria-live="polite" data-testid="save-state">
          {lockBlocks
            ? 'Read only: someone else holds the article'
            : readOnly && article
            ? 'Read only for you in this state'
            : unsent.pending
              ? 'Choose what to do with your unsaved changes first'
              : describeSave(save, Date.now(), blocker)}
          {unsent.keepFailed && !readOnly ? ' · no copy could be kept in this browser (its storage is full)' : ''}
        </span>
        {save.status === 'error' && !readOnly && !blocker && Object.keys(errors).length === 0 && (
          <button type="button" className="button button-quiet" onClick={() => void saveNow()}>
            Retry save
          </button>
        )}
        {save.status === 'conflict' && !conflictOpen && (
          <button type="button" className="button button-primary" onClick={() => setConflictOpen(true)}>
            Review the conflict
          </button>
        )}
        {article && (
          <WorkflowBar article={article} isOwner={article.owner === user.username} busy={busy || save.status === 'saving' || save.status === 'conflict' || unsent.pending} onRun={runFromBar} />
        )}
      </div>
      {article && <AssigneePicker article={article} onChange={(assignment) => setArticle((a) => (a ? { ...a, assignment } : a))} />}

      <div className="editor-grid" data-lock={presence.lock.kind}>
        <form className="editor-form" onSubmit={(e) => e.preventDefault()} aria-label="Article" noValidate>
          <fieldset disabled={readOnly || unsent.pending} className="plain-fieldset">
            <Field label="Headline" id="headline" error={headlineError}>
              <input id="headline" value={form.headline} maxLength={200} required className="input-headline" onChange={(e) => edit({ headline: e.target.value })} />
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

            <HeroImageField
              hero={form.heroImage ?? {}}
              errors={errors}
              canUseMedia={can.usesMedia}
              readOnly={readOnly}
              onEdit={editHero}
              onReplace={(heroImage) => edit({ heroImage })}
            />

            <Field label="Tags" id="tags" error={errors.tags} hint="Separate tags with commas; suggestions come from the tags already in use.">
              <TagInput
                id="tags"
                value={tagsText}
                onChange={(text) => {
                  setTagsText(text);
                  edit({ tags: parseTags(text) });
                }}
              />
            </Field>
            <BylinePicker value={form.byline} names={directory} onChange={(byline) => edit({ byline })} disabled={readOnly} me={me} username={user.username} error={errors.byline} />
            <SectionPicker
              primary={form.primarySectionId ?? null}
              secondary={form.secondarySectionIds ?? []}
              onChange={(primarySectionId, secondarySectionIds) => edit({ primarySectionId, secondarySectionIds })}
              disabled={readOnly}
              error={errors.primarySectionId}
              secondaryError={errors.secondarySectionIds}
            />

            <RelatedPanel
              related={form.related ?? []}
              selfId={article?.id ?? null}
              error={errors.related}
              disabled={readOnly}
              onChange={(related) => edit({ related })}
            />

            <SeoPanel
              seo={seoOf(form.seo)}
              correction={correctionOf(form.correction)}
              basics={{ headline: form.headline, dek: form.dek ?? '', slug: form.slug || article?.slug || '' }}
              hero={form.heroImage}
              canUseMedia={can.usesMedia}
              readOnly={readOnly}
              onSocialImage={editSocialImage}
              errors={errors}
              published={!!article?.firstPublishedAt}
              corrections={article?.corrections ?? []}
              onSeo={editSeo}
              onCorrection={editCorrection}
            />

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
            {mayShare(user, article) && (
              <PreviewLinksPanel articleId={article.id} workingRevision={article.workingRevision} refresh={historyTick} flush={flush} />
            )}
            {can.edits && (
              <EmbargoPanel
                article={article}
                me={user.username}
                busy={busy || save.status === 'saving'}
                onSet={(form) => changeEmbargo(form)}
                onLift={() => changeEmbargo(null)}
              />
            )}
            {article.live && article.allowedActions.includes('unpublish') && (
              <ExpiryPanel article={article} busy={busy || save.status === 'saving' || save.status === 'conflict'} onRun={runFromBar} />
            )}
            <HistoryPanel articleId={article.id} refresh={historyTick} canComment={can.writesArticles} />
          </aside>
        )}
      </div>

      {presence.lock.kind === 'asked' && (
        <LockDialog editor={presence.lock.editor} me={user.username} onReadOnly={presence.readOnly} onTakeOver={presence.takeOver} />
      )}

      {comparingUnsent && unsent.offer.kind === 'diverged' && (
        <ConflictDialog
          base={unsent.offer.edits.base}
          mine={unsent.offer.edits.content}
          theirs={form}
          theirsBy={`The article was saved after your unsaved changes of ${new Date(unsent.offer.edits.savedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}${
            article ? ` (last change ${formatDateTime(article.updatedAt)})` : ''
          }.`}
          onKeep={(merged) => {
            setForm(merged);
            setTagsText(merged.tags.join(', '));
            dispatch({ type: 'edit' });
            setComparingUnsent(false);
            unsent.settle();
            toast.info('Your choices are in the editor and are being saved.');
          }}
          onDiscard={() => {
            setComparingUnsent(false);
            unsent.settle();
            toast.info('Your unsaved changes from before were discarded.');
          }}
          onClose={() => setComparingUnsent(false)}
        />
      )}

      {conflict && conflictOpen && (
        <ConflictDialog
          base={base}
          mine={form}
          theirs={contentOf(conflict.theirs)}
          theirsBy={theirsBy}
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
            setNotice(null);
            toast.info('Your changes were discarded; you now see the latest version.');
          }}
          onClose={() => setConflictOpen(false)}
        />
      )}
    </>
  );
}
