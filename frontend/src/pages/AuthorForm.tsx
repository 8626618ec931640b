import { useEffect, useRef, useState, type ReactNode } from 'react';
import { blankToNull } from '../lib/format';
import type { Author } from '../lib/types';
import { normalizeXHandle } from '../lib/xhandle';
import { ApiError, fieldErrors, fieldLabel, messageOf } from '../problem';
import { Field, useFocusOnErrors } from '../ui/common';
import { ImagePreview } from '../ui/ImagePreview';

export interface AuthorFormValues {
  slug: string;
  displayName: string;
  jobTitle: string;
  organization: string;
  bio: string;
  avatarUrl: string;
  avatarAlt: string;
  x: string;
  website: string;
  linkedin: string;
  mastodon: string;
  email: string;
  username: string;
  active: boolean;
}

export function valuesOf(a: Partial<Author> | null): AuthorFormValues {
  return {
    slug: a?.slug ?? '',
    displayName: a?.displayName ?? '',
    jobTitle: a?.jobTitle ?? '',
    organization: a?.organization ?? '',
    bio: a?.bio ?? '',
    avatarUrl: a?.avatar?.url ?? '',
    avatarAlt: a?.avatar?.alt ?? '',
    x: a?.social?.x ?? '',
    website: a?.social?.website ?? '',
    linkedin: a?.social?.linkedin ?? '',
    mastodon: a?.social?.mastodon ?? '',
    email: a?.email ?? '',
    username: a?.username ?? '',
    active: a?.active ?? true,
  };
}

/** The X handle as the service stores it: a pasted profile address becomes "@handle". */
function xForRequest(x: string): string | null {
  const result = normalizeXHandle(x);
  return result.kind === 'ok' ? result.handle : blankToNull(x);
}

/** The request body: the admin form sends slug, username and active too; "my profile" does not. */
export function authorBody(v: AuthorFormValues, admin: boolean) {
  const avatar = v.avatarUrl.trim() || v.avatarAlt.trim() ? { url: blankToNull(v.avatarUrl), alt: blankToNull(v.avatarAlt) } : null;
  const socialValues = { x: xForRequest(v.x), website: blankToNull(v.website), linkedin: blankToNull(v.linkedin), mastodon: blankToNull(v.mastodon) };
  const social = Object.values(socialValues).some(Boolean) ? socialValues : null;
  const common = { displayName: v.displayName.trim(), jobTitle: blankToNull(v.jobTitle), organization: blankToNull(v.organization), bio: blankToNull(v.bio), avatar, social, email: blankToNull(v.email) };
  return admin ? { ...common, slug: blankToNull(v.slug), username: blankToNull(v.username), active: v.active } : common;
}

/** The API's field paths each input answers for: editing the input clears their errors. */
const ERROR_KEYS: Record<keyof AuthorFormValues, string[]> = {
  slug: ['slug'],
  displayName: ['displayName'],
  jobTitle: ['jobTitle'],
  organization: ['organization'],
  bio: ['bio'],
  avatarUrl: ['avatar.url', 'avatar'],
  avatarAlt: ['avatar.alt', 'avatar'],
  x: ['social.x'],
  website: ['social.website'],
  linkedin: ['social.linkedin'],
  mastodon: ['social.mastodon'],
  email: ['email'],
  username: ['username'],
  active: ['active'],
};
const SHOWN_KEYS = new Set(Object.values(ERROR_KEYS).flat());

/** What can be told before asking the server: a name is needed, and the X handle must be one. */
export function checkAuthorForm(v: AuthorFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.displayName.trim()) errors.displayName = 'Type the name readers see in bylines.';
  const x = normalizeXHandle(v.x);
  if (x.kind === 'invalid') errors['social.x'] = x.reason;
  return errors;
}

/** A failed save the form explains itself (e.g. a 412), with an optional way out. */
export class AuthorFormProblem extends Error {
  constructor(message: string, readonly action?: { label: string; run: () => void }) {
    super(message);
    this.name = 'AuthorFormProblem';
  }
}

/**
 * The author profile form, for admins (everything) and for "my profile" (no slug, account link or active flag).
 * Problems with a field are told once, at that field, in words; the first one is focused.
 */
export function AuthorForm({ initial, admin, submitLabel, onSubmit, onCancel }: {
  initial: AuthorFormValues;
  admin: boolean;
  submitLabel: string;
  onSubmit: (body: ReturnType<typeof authorBody>) => Promise<void>;
  onCancel?: () => void;
}) {
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ text: string; action?: AuthorFormProblem['action'] } | null>(null);
  const [xTouched, setXTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const focusErrors = useFocusOnErrors(errors);
  const problemBox = useRef<HTMLDivElement>(null);
  // A problem that belongs to no field is said below the form: bring it (and its way out) into view.
  useEffect(() => {
    if (problem) problemBox.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);

  const edit = (key: keyof AuthorFormValues, value: string | boolean) => {
    setV((old) => ({ ...old, [key]: value }));
    if (ERROR_KEYS[key].some((k) => errors[k])) {
      setErrors((old) => Object.fromEntries(Object.entries(old).filter(([k]) => !ERROR_KEYS[key].includes(k))));
    }
  };
  const set = (key: keyof AuthorFormValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    edit(key, e.target.type === 'checkbox' ? (e.target as HTMLInputElement).checked : e.target.value);

  const x = normalizeXHandle(v.x);
  const xError = errors['social.x'] ?? (xTouched && x.kind === 'invalid' ? x.reason : undefined);
  const xHint = x.kind === 'ok' ? `Shown as ${x.handle}` : 'A handle like @JaneDoeNews, or paste the profile address.';

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const local = checkAuthorForm(v);
    if (Object.keys(local).length > 0) {
      focusErrors();
      setErrors(local);
      return;
    }
    setSaving(true);
    try {
      await onSubmit(authorBody(v, admin));
      setErrors({});
    } catch (e) {
      if (e instanceof ApiError && e.hasFieldErrors) {
        const byField = fieldErrors(e.problem);
        const elsewhere = Object.entries(byField).filter(([k]) => !SHOWN_KEYS.has(k));
        if (elsewhere.length > 0) setProblem({ text: elsewhere.map(([k, text]) => `${fieldLabel(k)}: ${text}`).join('\n') });
        focusErrors();
        setErrors(byField);
      } else if (e instanceof AuthorFormProblem) {
        setProblem({ text: e.message, action: e.action });
      } else {
        setProblem({ text: messageOf(e) });
      }
    } finally {
      setSaving(false);
    }
  };

  const field = (label: string, key: keyof AuthorFormValues, id: string, props: { type?: string; hint?: string; className?: string; errorKey?: string } = {}): ReactNode => (
    <div className={props.className}>
      <Field label={label} id={id} error={errors[props.errorKey ?? key]} hint={props.hint}>
        <input id={id} type={props.type ?? 'text'} value={v[key] as string} onChange={set(key)} />
      </Field>
    </div>
  );

  return (
    <form onSubmit={submit} className="author-form" noValidate>
      <div className={admin ? 'author-grid' : 'author-grid author-grid-self'}>
        {field('Display name', 'displayName', 'a-name')}
        {field('Job title', 'jobTitle', 'a-job')}
        {field('Organisation', 'organization', 'a-org')}
        {field('Email', 'email', 'a-email', { type: 'email' })}
        {admin && field('Slug', 'slug', 'a-slug', { hint: 'Derived from the name when empty.' })}
        {admin && field('Keycloak username', 'username', 'a-username', { hint: 'Links the profile to a login, for “My profile”.' })}
        {admin && (
          <div className="field field-check author-grid-active">
            <input id="a-active" type="checkbox" checked={v.active} onChange={set('active')} />
            <label htmlFor="a-active">Active (can be put on a byline)</label>
          </div>
        )}
        <div className="author-grid-bio">
          <Field label="Bio (Markdown)" id="a-bio" error={errors.bio}>
            <textarea id="a-bio" rows={4} value={v.bio} onChange={set('bio')} />
          </Field>
        </div>
        <div className="avatar-row">
          <ImagePreview url={v.avatarUrl} alt={v.avatarAlt} className="avatar avatar-large avatar-preview" emptyText="No photo" testId="avatar-preview" />
          <div className="grow">
            <Field label="Avatar URL" id="a-avatar" error={errors['avatar.url'] ?? errors.avatar}>
              <input id="a-avatar" type="url" value={v.avatarUrl} onChange={set('avatarUrl')} />
            </Field>
            <Field label="Avatar alt text" id="a-avatar-alt" error={errors['avatar.alt']}>
              <input id="a-avatar-alt" value={v.avatarAlt} onChange={set('avatarAlt')} />
            </Field>
          </div>
        </div>
      </div>
      <fieldset className="fieldset author-social">
        <legend>Social</legend>
        <div className="author-social-grid">
          <Field label="X handle" id="a-x" error={xError} hint={xHint}>
            <input
              id="a-x"
              value={v.x}
              onChange={(e) => {
                setXTouched(false);
                edit('x', e.target.value);
              }}
              onBlur={() => {
                setXTouched(true);
                if (x.kind === 'ok' && x.handle !== v.x) edit('x', x.handle);
              }}
            />
          </Field>
          {field('Website', 'website', 'a-web', { type: 'url', errorKey: 'social.website' })}
          {field('LinkedIn', 'linkedin', 'a-li', { type: 'url', errorKey: 'social.linkedin' })}
          {field('Mastodon', 'mastodon', 'a-masto', { type: 'url', errorKey: 'social.mastodon' })}
        </div>
      </fieldset>
      {problem && (
        <div className="error-box" role="alert" data-testid="author-form-problem" ref={problemBox}>
          <p>{problem.text}</p>
          {problem.action && (
            <button type="button" className="button" onClick={problem.action.run}>
              {problem.action.label}
            </button>
          )}
        </div>
      )}
      <div className={onCancel ? 'form-actions dialog-actions' : 'form-actions'}>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
