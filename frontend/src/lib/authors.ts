import { useEffect, useState } from 'react';
import { get } from './api';
import { ApiError } from '../problem';
import type { Author, Page } from './types';

let cache: Promise<Map<string, Author>> | null = null;

/** All authors once per page load (the byline picker, the dashboard's author filter, names for ids). */
export function loadAuthorDirectory(refresh = false): Promise<Map<string, Author>> {
  if (!cache || refresh) {
    cache = get<Page<Author>>('/api/authors?size=100')
      .then((page) => new Map(page.items.map((a) => [a.id, a])))
      .catch((e) => {
        cache = null;
        throw e;
      });
  }
  return cache;
}

export function useAuthorDirectory(): Map<string, Author> {
  const [authors, setAuthors] = useState<Map<string, Author>>(new Map());
  useEffect(() => {
    loadAuthorDirectory().then(setAuthors, () => setAuthors(new Map()));
  }, []);
  return authors;
}

let mine: Promise<Author | null> | null = null;

/** The signed-in person's own author profile (null when no profile is linked to their login), once per page load. */
export function loadMyProfile(refresh = false): Promise<Author | null> {
  if (!mine || refresh) {
    mine = get<Author>('/api/authors/me').catch((e) => {
      if (e instanceof ApiError && e.status === 404) return null;
      mine = null;
      throw e;
    });
  }
  return mine;
}

/** `undefined` while loading, `null` when the signed-in person has no author profile. */
export function useMyProfile(): Author | null | undefined {
  const [me, setMe] = useState<Author | null | undefined>(undefined);
  useEffect(() => {
    loadMyProfile().then(setMe, () => setMe(null));
  }, []);
  return me;
}
