import { useState } from 'react';
import { blankToNull, xHandle } from '../lib/format';
import type { Author } from '../lib/types';
import { ApiError, fieldErrors, messageOf } from '../problem';
import { Field } from '../ui/common';

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

/** The request body: the admin form sends slug, username and active too; "my profile" does not. */
export function authorBody(v: AuthorFormValues, admin: boolean) {
  const avatar = v.avatarUrl.trim() || v.avatarAlt.trim() ? { url: blankToNull(v.avatarUrl), alt: blankToNull(v.avatarAlt) } : null;
  const socialValues = { x: blankToNull(v.x), website: blankToNull(v.website), linkedin: blankToNull(v.linkedin), mastodon: blankToNull(v.mastodon) };
  const social = Object.values(socialValues).some(Boolean) ? socialValues : null;
  const common = { displayName: v.displayName.trim(), jobTitle: blankToNull(v.jobTitle), organization: blankToNull(v.organization), bio: blankToNull(v.bio), avatar, social, email: blankToNull(v.email) };
  return admin ? { ...common, slug: blankToNull(v.slug), username: blankToNull(v.username), active: v.active } : common;
}

/** The author profile form, for admins (everything) and for "my profile" (no slug, account link or active flag). */
export function AuthorForm({ initial, admin, submitLabel, onSubmit, onCancel }: {
  initial: AuthorFormValues;
  admin: boolean;
  submitLabel: string;
  onSubmit: (body: ReturnType<typeof authorBody>) => Promise<void>;
  onCancel?: () => void;
}) {
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (key: keyof AuthorFormValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setV({ ...v, [key]: e.target.type === 'checkbox' ? (e.target as HTMLInputElement).checked : e.target.value });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await onSubmit(authorBody(v, admin));
      setErrors({});
    } catch (e) {
      setErrors(e instanceof ApiError ? fieldErrors(e.problem) : {});
      setError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form onSubmit={submit} className="author-form" noValidate>
      <div className="two-col">
        <div>
          <Field label="Display name" id="a-name" error={errors.displayName}>
            <input id="a-name" value={v.displayName} required onChange={set('displayName')} />
          </Field>
          <Field label="Job title" id="a-job" error={errors.jobTitle}>
            <input id="a-job" value={v.jobTitle} onChange={set('jobTitle')} />
          </Field>
          <Field label="Organisation" id="a-org" error={errors.organization}>
            <input id="a-org" value={v.organization} onChange={set('organization')} />
          </Field>
          <Field label="Email" id="a-email" error={errors.email}>
            <input id="a-email" type="email" value={v.email} onChange={set('email')} />
          </Field>
          {admin && (
            <>
              <Field label="Slug" id="a-slug" error={errors.slug} hint="Derived from the name when empty.">
                <input id="a-slug" value={v.slug} onChange={set('slug')} />
              </Field>
              <Field label="Keycloak username" id="a-username" error={errors.username} hint="Links the profile to a login, for “My profile”.">
                <input id="a-username" value={v.username} onChange={set('username')} />
              </Field>
              <div className="field field-check">
                <input id="a-active" type="checkbox" checked={v.active} onChange={set('active')} />
                <label htmlFor="a-active">Active (can be put on a byline)</label>
              </div>
            </>
          )}
        </div>
        <div>
          <Field label="Bio (Markdown)" id="a-bio" error={errors.bio}>
            <textarea id="a-bio" rows={5} value={v.bio} onChange={set('bio')} />
          </Field>
          <div className="avatar-row">
            {v.avatarUrl ? <img className="avatar avatar-large" src={v.avatarUrl} alt={v.avatarAlt} /> : <div className="avatar avatar-large image-placeholder" aria-hidden="true" />}
            <div className="grow">
              <Field label="Avatar URL" id="a-avatar" error={errors['avatar.url'] ?? errors.avatar}>
                <input id="a-avatar" type="url" value={v.avatarUrl} onChange={set('avatarUrl')} />
              </Field>
              <Field label="Avatar alt text" id="a-avatar-alt" error={errors['avatar.alt']}>
                <input id="a-avatar-alt" value={v.avatarAlt} onChange={set('avatarAlt')} />
              </Field>
            </div>
          </div>
          <fieldset className="fieldset">
            <legend>Social</legend>
            <div className="two-col">
              <Field label="X handle" id="a-x" error={errors['social.x']} hint={v.x ? `Shown as ${xHandle(v.x)}` : 'e.g. @JaneDoeNews'}>
                <input id="a-x" value={v.x} onChange={set('x')} />
              </Field>
              <Field label="Website" id="a-web" error={errors['social.website']}>
                <input id="a-web" type="url" value={v.website} onChange={set('website')} />
              </Field>
              <Field label="LinkedIn" id="a-li" error={errors['social.linkedin']}>
                <input id="a-li" type="url" value={v.linkedin} onChange={set('linkedin')} />
              </Field>
              <Field label="Mastodon" id="a-masto" error={errors['social.mastodon']}>
                <input id="a-masto" type="url" value={v.mastodon} onChange={set('mastodon')} />
              </Field>
            </div>
          </fieldset>
        </div>
      </div>
      {error && (
        <p className="field-error" role="alert" style={{ whiteSpace: 'pre-line' }}>
          {error}
        </p>
      )}
      <div className="form-actions">
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
