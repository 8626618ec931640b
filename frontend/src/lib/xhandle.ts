/**
 * What a person types in the X handle field, made into the handle the authors service stores ("@JaneDoeNews"):
 * a profile address (x.com or twitter.com, with or without https://, www. or mobile., a trailing slash or ?query) or a
 * handle with or without its @. The service accepts 1–15 letters, digits or underscores.
 */
export type XHandleResult = { kind: 'empty' } | { kind: 'ok'; handle: string } | { kind: 'invalid'; reason: string };

const HANDLE = /^[A-Za-z0-9_]+$/;
const PROFILE_HOSTS = ['x.com', 'twitter.com'];
/** First path segments on x.com that are pages, not people. */
const NOT_PROFILES = ['home', 'i', 'intent', 'search', 'hashtag', 'share', 'explore', 'settings', 'messages', 'notifications'];
const EXAMPLE = 'like @JaneDoeNews or https://x.com/JaneDoeNews';

const invalid = (reason: string): XHandleResult => ({ kind: 'invalid', reason });

export function normalizeXHandle(input: string | null | undefined): XHandleResult {
  const text = (input ?? '').trim();
  if (!text) return { kind: 'empty' };

  let name = text;
  // A handle never has '.', '/' or ':': anything with one is read as an address.
  if (/[./:]/.test(text)) {
    let url: URL;
    try {
      url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
    } catch {
      return invalid(`This is neither a handle nor a profile address. Use a handle ${EXAMPLE}.`);
    }
    const host = url.hostname.toLowerCase().replace(/^(www|mobile)\./, '');
    if (!PROFILE_HOSTS.includes(host)) return invalid(`Only an x.com or twitter.com profile address works here, or the handle itself, ${EXAMPLE}.`);
    const path = url.pathname.split('/').filter(Boolean);
    if (path.length === 0) return invalid('This address has no handle in it. Use the profile address, like https://x.com/JaneDoeNews.');
    if (path.length > 1 || NOT_PROFILES.includes(path[0].toLowerCase())) return invalid('This is not a profile address. Use the profile address, like https://x.com/JaneDoeNews.');
    name = decodeURIComponent(path[0]);
  }
  name = name.replace(/^@/, '');
  if (!name) return invalid('Type the handle after the @, like @JaneDoeNews.');
  if (!HANDLE.test(name)) return invalid('An X handle has only letters, digits and underscores, like @JaneDoeNews.');
  if (name.length > 15) return invalid(`An X handle has at most 15 characters; this one has ${name.length}.`);
  return { kind: 'ok', handle: `@${name}` };
}
