import { useEffect, useState } from 'react';
import { get } from './api';
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
