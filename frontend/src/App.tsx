import { useEffect, useState } from 'react';
import { authorizedFetch, logout } from './auth';
import { describeProblem } from './problem';

interface User {
  username: string;
  name: string;
  roles: string[];
}

interface AuthorSummary {
  id: string;
  displayName: string;
  jobTitle?: string;
  active: boolean;
}

export function App({ user }: { user: User }) {
  const [authors, setAuthors] = useState<AuthorSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    authorizedFetch('/api/authors?size=50')
      .then(async (response) => {
        const body = await response.json().catch(() => undefined);
        if (!response.ok) throw new Error(describeProblem(body, response.status));
        setAuthors(body.items);
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  return (
    <>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '1rem' }}>
        <h1>Newsroom CMS</h1>
        <span>
          Signed in as <strong data-testid="user">{user.name || user.username}</strong> ({user.roles.join(', ')}){' '}
          <button type="button" onClick={() => logout()}>Sign out</button>
        </span>
      </header>
      <main>
        <h2>Authors</h2>
        {error && <p role="alert" style={{ whiteSpace: 'pre-line' }}>{error}</p>}
        {!error && authors === null && <p aria-busy="true">Loading…</p>}
        {authors && authors.length === 0 && <p>No authors yet.</p>}
        {authors && authors.length > 0 && (
          <ul>
            {authors.map((a) => (
              <li key={a.id}>
                {a.displayName}
                {a.jobTitle ? ` — ${a.jobTitle}` : ''}
                {a.active ? '' : ' (deactivated)'}
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
