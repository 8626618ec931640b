import { request } from '../lib/api';
import type { Author } from '../lib/types';
import { ApiError } from '../problem';
import { useUser } from '../session';
import { ErrorBox, Loading, PageHeader, useLoad } from '../ui/common';
import { useToast } from '../ui/Toasts';
import { AuthorForm, AuthorFormProblem, valuesOf } from './AuthorForm';

/** Everyone edits their own author profile (linked to their login by an admin). */
export function MyProfile() {
  const user = useUser();
  const toast = useToast();
  const { data, setData, error, loading, reload } = useLoad((signal) => request<Author>('/api/authors/me', { signal }), []);
  if (loading && !data) return <Loading what="Loading your profile" />;
  if (error instanceof ApiError && error.status === 404) {
    return (
      <>
        <PageHeader title="My profile" />
        <div className="panel">
          <p>
            No author profile is linked to your login (<strong>{user.username}</strong>) yet. An admin can create one under “Authors” and set its Keycloak
            username to <code>{user.username}</code>.
          </p>
        </div>
      </>
    );
  }
  if (error) return <ErrorBox error={error} onRetry={reload} />;
  if (!data) return null;
  return (
    <>
      <PageHeader title="My profile" subtitle={`How you appear in bylines and in “About the Author”. Signed in as ${user.username}.`} />
      <div className="panel">
        <AuthorForm
          key={data.version ?? 0}
          admin={false}
          initial={valuesOf(data.data)}
          submitLabel="Save my profile"
          onSubmit={async (body) => {
            try {
              setData(await request<Author>('/api/authors/me', { method: 'PUT', body, ifMatch: data.version }));
              toast.success('Your profile is saved');
            } catch (e) {
              if (e instanceof ApiError && e.status === 412) {
                throw new AuthorFormProblem('Someone else changed this profile while you were editing, so your changes are not saved. Load the current version, then make your change again.', {
                  label: 'Load the current version',
                  run: reload,
                });
              }
              throw e;
            }
          }}
        />
      </div>
    </>
  );
}
