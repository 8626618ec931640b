import { authorizedFetch } from '../auth';
import { ApiError, type Problem } from '../problem';

/** An answer with the version the server sent as ETag (null when it sent none). */
export interface Versioned<T> {
  data: T;
  version: number | null;
}

/** `"3"` or `W/"3"` → 3; anything else → null. */
export function parseEtag(etag: string | null): number | null {
  if (!etag) return null;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(etag.trim());
  return match ? Number(match[1]) : null;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Sent as If-Match: the version this change is based on. */
  ifMatch?: number | null;
  signal?: AbortSignal;
  /** Public reads go without a token. */
  anonymous?: boolean;
}

/** Calls the gateway; a non-2xx answer becomes an ApiError carrying the problem+json body. */
export async function request<T>(url: string, options: RequestOptions = {}): Promise<Versioned<T>> {
  const headers = new Headers({ Accept: 'application/json, application/problem+json' });
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  if (options.ifMatch !== undefined && options.ifMatch !== null) headers.set('If-Match', `"${options.ifMatch}"`);
  const init: RequestInit = {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  };
  const response = options.anonymous ? await fetch(url, init) : await authorizedFetch(url, init);
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) throw new ApiError(response.status, parsed as Problem | undefined);
  return { data: parsed as T, version: parseEtag(response.headers.get('ETag')) };
}

export const get = <T>(url: string, signal?: AbortSignal) => request<T>(url, { signal }).then((r) => r.data);

/** Builds a query string from the set values only. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
