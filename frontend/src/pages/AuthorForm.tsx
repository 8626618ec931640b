import { useEffect, useRef, useState, type ReactNode } from 'react';
import { blankToNull } from '../lib/format';
import { altMissingEverywhere, imageErrors, isImageErrorKey, mediaUnavailableText, ownWords, PROFILE_PLACE, sayOnce, withoutImageErrors } from '../lib/libraryImage';
import { pickedImage, PICKER_SHAPES, type PickedImage } from '../lib/media';
import type { Author, Avatar, MediaItem } from '../lib/types';
import { normalizeXHandle } from '../lib/xhandle';
import { ApiError, fieldErrors, fieldLabel, messageOf } from '../problem';
import { abilities, useUser } from '../session';
import { Field, useFocusOnErrors } from '../ui/common';
import { ImagePreview } from '../ui/ImagePreview';
import { ChooseFromLibrary, ImportUrlButton, LibraryImagePicker, LibraryImageView, useLibraryImage, useUrlImport, type LibraryImage } from '../ui/LibraryImageField';

export interface AuthorFormValues {
  slug: string;
  displayName: string;
  jobTitle: string;
  organization: string;
  bio: string;
  /** A photo from the media library ('' when the photo is a pasted address, or there is none). */
  avatarMediaId: string;
  /** The pasted address, or the address of the library photo's square crop (as the picker or the server gave it). */
  avatarUrl: string;
  /** The alt text: a pasted photo's, or this profile's override of the library's ('' = the library's). */
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
    avatarMediaId: a?.avatar?.mediaId?.trim() ?? '',
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

type AvatarValues = Pick<AuthorFormValues, 'avatarMediaId' | 'avatarUrl' | 'avatarAlt'>;

/**
 * `avatar` of the request: a library photo as `{mediaId, url, alt}` (the square crop's address as the picker gave it;
 * a blank alt, null, means the library's), a pasted one as `{url, alt}`, or null when there is none.
 */
export function avatarBody(v: AvatarValues): Avatar | null {
  const mediaId = v.avatarMediaId.trim();
  if (mediaId) return { mediaId, url: blankToNull(v.avatarUrl), alt: blankToNull(v.avatarAlt) };
  return v.avatarUrl.trim() || v.avatarAlt.trim() ? { url: blankToNull(v.avatarUrl), alt: blankToNull(v.avatarAlt) } : null;
}

/**
 * The photo after choosing a library picture: its id and its square crop's address, instead of a pasted address.
 * Alt text written for another photo goes with it (the library's applies); choosing the same picture again keeps it.
 */
export function chooseAvatar<T extends AvatarValues>(v: T, picked: Pick<PickedImage, 'mediaId' | 'url'>): T {
  const same = !!v.avatarMediaId && v.avatarMediaId === picked.mediaId;
  return { ...v, avatarMediaId: picked.mediaId, avatarUrl: picked.url, avatarAlt: same ? v.avatarAlt : '' };
}

/** No photo at all. */
export const removeAvatar = <T extends AvatarValues>(v: T): T => ({ ...v, avatarMediaId: '', avatarUrl: '', avatarAlt: '' });

/**
 * The photo once its pasted address was imported into the library: that picture's square crop, as if chosen in the
 * picker. The alt text typed went to the library with it; where the library says otherwise (the photo was already
 * there) it stays as this profile's own.
 */
export function importedAvatar<T extends AvatarValues>(v: T, item: MediaItem): T {
  return { ...chooseAvatar(v, pickedImage(item, PICKER_SHAPES.avatar)), avatarAlt: ownWords(v.avatarAlt, item.altText) };
}

/** The request body: the admin form sends slug, username and active too; "my profile" does not. */
export function authorBody(v: AuthorFormValues, admin: boolean) {
  const avatar = avatarBody(v);
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
  avatarMediaId: ['avatar.mediaId', 'avatar.url', 'avatar.alt', 'avatar'],
  avatarUrl: ['avatar.url', 'avatar', 'avatar.mediaId'],
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
/** Whether the form shows a field error at a field (anything of the photo is shown at the photo). */
const shownAtField = (key: string) => SHOWN_KEYS.has(key) || isImageErrorKey(key, 'avatar');

/** Said at the photo's alt text when a library photo has none anywhere (the server refuses it too, at `avatar.alt`). */
export const AVATAR_ALT_NEEDED = 'Describe the photo for people who cannot see it: write alt text here, or add it to the picture in the media library.';

/**
 * What can be told before asking the server: a name is needed, the X handle must be one, and a library photo needs
 * alt text here or in the library (`avatarItem`: its library details, once known).
 */
export function checkAuthorForm(v: AuthorFormValues, avatarItem?: Pick<MediaItem, 'altText'> | null): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.displayName.trim()) errors.displayName = 'Type the name readers see in bylines.';
  const x = normalizeXHandle(v.x);
  if (x.kind === 'invalid') errors['social.x'] = x.reason;
  if (v.avatarMediaId.trim() && altMissingEverywhere(v.avatarAlt, avatarItem)) errors['avatar.alt'] = AVATAR_ALT_NEEDED;
  return errors;
}

/** How a save went: saved, or what to say where (`errors` at the fields, undefined: keep those shown; `problem` below). */
export type AuthorSaveOutcome =
  | { saved: true }
  | { saved: false; errors?: Record<string, string>; problem: { text: string; action?: AuthorFormProblem['action'] } | null };

/**
 * Checks the form, sends its body (`onSubmit`) and places whatever is refused: each field error once at its field
 * (anything of the photo at the photo), others below the form in words; a media library that does not answer is said
 * at the library photo. `avatarItem` is the library photo's details, once known.
 */
export async function saveAuthor(
  v: AuthorFormValues,
  admin: boolean,
  avatarItem: Pick<MediaItem, 'altText'> | null | undefined,
  onSubmit: (body: ReturnType<typeof authorBody>) => Promise<void>,
): Promise<AuthorSaveOutcome> {
  const local = checkAuthorForm(v, avatarItem);
  if (Object.keys(local).length > 0) return { saved: false, errors: local, problem: null };
  try {
    await onSubmit(authorBody(v, admin));
    return { saved: true };
  } catch (e) {
    const mediaDown = v.avatarMediaId.trim() ? mediaUnavailableText(e, 'the photo') : null;
    if (mediaDown) return { saved: false, errors: { 'avatar.mediaId': mediaDown }, problem: null };
    if (e instanceof ApiError && e.hasFieldErrors) {
      const byField = fieldErrors(e.problem);
      const elsewhere = Object.entries(byField).filter(([k]) => !shownAtField(k));
      return { saved: false, errors: byField, problem: elsewhere.length > 0 ? { text: elsewhere.map(([k, text]) => `${fieldLabel(k)}: ${text}`).join('\n') } : null };
    }
    if (e instanceof AuthorFormProblem) return { saved: false, problem: { text: e.message, action: e.action } };
    return { saved: false, problem: { text: messageOf(e) } };
  }
}

/**
 * The author's photo: "Choose from library" (a square crop; the library's alt text is the default, with an optional
 * override for this profile and a warning when the library has none), or a pasted address with its alt text, which
 * can be imported into the library ("Import into library": `onImported` gets the library picture).
 * `image` is the library picture's state (useLibraryImage); errors are the form's, keyed by field path.
 */
export function AvatarField({ values, errors, image, canUseMedia, onEdit, onRemove, onImported }: {
  values: AvatarValues;
  errors: Record<string, string>;
  image: LibraryImage;
  canUseMedia: boolean;
  onEdit: (key: 'avatarUrl' | 'avatarAlt', value: string) => void;
  onRemove: () => void;
  onImported?: (item: MediaItem) => void;
}) {
  const library = !!values.avatarMediaId.trim();
  const errs = imageErrors(errors, 'avatar', library);
  const urlImport = useUrlImport({ url: values.avatarUrl, words: { alt: values.avatarAlt }, urlInputId: 'a-avatar', onImported: (item) => onImported?.(item) });
  if (library) {
    return (
      <div className="avatar-field avatar-field-library">
        <LibraryImageView
          prefix="avatar"
          mediaId={image.mediaId || values.avatarMediaId.trim()}
          item={image.item}
          loading={image.loading}
          problem={image.problem}
          errs={errs}
          alt={values.avatarAlt}
          onAltChange={(value) => onEdit('avatarAlt', value)}
          altLabel="Alt text for this profile"
          place={PROFILE_PLACE}
          subject="the photo"
          shape={PICKER_SHAPES.avatar}
          previewSizes="88px"
          variant="square"
          canUseMedia={canUseMedia}
          replaceButton={image.replaceButton}
          onRetry={image.retry}
          onReplaceClick={image.openPicker}
          onRemove={onRemove}
        />
      </div>
    );
  }
  return (
    <div className="avatar-field">
      {canUseMedia && <ChooseFromLibrary prefix="avatar" buttonRef={image.chooseButton} onClick={image.openPicker} hint="or paste a photo’s address below." />}
      <div className="avatar-row">
        <ImagePreview url={values.avatarUrl} alt={values.avatarAlt} className="avatar avatar-large avatar-preview" emptyText="No photo" testId="avatar-preview" />
        <div className="grow">
          <Field label="Avatar URL" id="a-avatar" error={sayOnce(errs.url, urlImport.error)}>
            <input id="a-avatar" type="url" value={values.avatarUrl} onChange={(e) => onEdit('avatarUrl', e.target.value)} />
          </Field>
          <ImportUrlButton prefix="avatar" url={values.avatarUrl} urlImport={urlImport} canUseMedia={canUseMedia && !!onImported} />
          <Field label="Avatar alt text" id="a-avatar-alt" error={errs.alt}>
            <input id="a-avatar-alt" value={values.avatarAlt} onChange={(e) => onEdit('avatarAlt', e.target.value)} />
          </Field>
        </div>
      </div>
    </div>
  );
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
export function AuthorForm({ initial, admin, submitLabel, onSubmit, onCancel, canUseMedia }: {
  initial: AuthorFormValues;
  admin: boolean;
  submitLabel: string;
  onSubmit: (body: ReturnType<typeof authorBody>) => Promise<void>;
  onCancel?: () => void;
  /** Whether the photo may be chosen from the media library (by default: whether this person uses it). */
  canUseMedia?: boolean;
}) {
  const user = useUser();
  const usesMedia = canUseMedia ?? abilities(user).usesMedia;
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
  /** The photo as a whole changed (a library picture chosen, or removed): its errors are settled. */
  const replaceAvatar = (next: (old: AuthorFormValues) => AuthorFormValues) => {
    setV(next);
    setErrors((old) => (Object.keys(old).some((k) => isImageErrorKey(k, 'avatar')) ? withoutImageErrors(old, 'avatar') : old));
  };
  const avatarImage = useLibraryImage(v.avatarMediaId, { place: PROFILE_PLACE });
  const set = (key: keyof AuthorFormValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    edit(key, e.target.type === 'checkbox' ? (e.target as HTMLInputElement).checked : e.target.value);

  const x = normalizeXHandle(v.x);
  const xError = errors['social.x'] ?? (xTouched && x.kind === 'invalid' ? x.reason : undefined);
  const xHint = x.kind === 'ok' ? `Shown as ${x.handle}` : 'A handle like @JaneDoeNews, or paste the profile address.';

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setSaving(true);
    const outcome = await saveAuthor(v, admin, avatarImage.item, onSubmit).finally(() => setSaving(false));
    if (outcome.saved) {
      setErrors({});
      return;
    }
    if (outcome.errors) {
      if (Object.keys(outcome.errors).length > 0) focusErrors();
      setErrors(outcome.errors);
    }
    setProblem(outcome.problem);
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
        <AvatarField
          values={v}
          errors={errors}
          image={avatarImage}
          canUseMedia={usesMedia}
          onEdit={(key, value) => edit(key, value)}
          onRemove={() => {
            replaceAvatar(removeAvatar);
            avatarImage.removed();
          }}
          onImported={(item) => {
            avatarImage.chosen(item);
            replaceAvatar((old) => importedAvatar(old, item));
          }}
        />
        <LibraryImagePicker
          image={avatarImage}
          title="Choose a photo"
          shape={PICKER_SHAPES.avatar}
          onChoose={(picked, item) => {
            avatarImage.chosen(item);
            replaceAvatar((old) => chooseAvatar(old, picked));
          }}
        />
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
