import { createContext, useContext } from 'react';

export interface User {
  username: string;
  name: string;
  roles: string[];
}

export const SessionContext = createContext<User>({ username: '', name: '', roles: [] });

export const useUser = () => useContext(SessionContext);

/** What the UI offers; the services decide again on every call (defence in depth). */
export function abilities(user: User) {
  const has = (role: string) => user.roles.includes(role);
  const admin = has('admin');
  return {
    admin,
    writesArticles: has('writer') || has('editor') || admin,
    edits: has('editor') || admin,
    curates: has('curator') || admin,
    readsLists: has('curator') || has('editor') || admin,
    /** The media library: every newsroom role browses, uploads and describes pictures. */
    usesMedia: has('writer') || has('editor') || has('curator') || admin,
    /** Deleting a picture from the library: editors and admins. */
    deletesMedia: has('editor') || admin,
  };
}
