/** The webhooks page's pure logic: the endpoint form and its checks, event types, status words, formatting. */
import { fieldKey, plainMessage, type Problem } from '../problem';
import { query } from './api';
import { blankToNull } from './format';
import type { DeliveryPage, DeliveryStatus, WebhookDelivery, WebhookEndpoint, WebhookEventType, WebhookKind, WebhookStats } from './types';

// --- kinds ---

export const KINDS: { kind: WebhookKind; label: string; hint: string }[] = [
  { kind: 'standard', label: 'Webhook', hint: 'A signed JSON message for each event, to any system that listens.' },
  { kind: 'cdn-purge', label: 'CDN purge', hint: 'Tells a CDN or cache which public pages to refresh when content changes.' },
];

export function kindLabel(kind: string): string {
  return KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

// --- event types ---

const GROUP_LABELS: Record<string, string> = {
  article: 'Articles',
  author: 'Authors',
  list: 'Featured lists',
};

export interface EventGroup {
  key: string;
  label: string;
  types: WebhookEventType[];
}

/** "article.published" → "article"; a type without a dot is its own group. */
export const eventGroupKey = (type: string) => (type.includes('.') ? type.slice(0, type.indexOf('.')) : type);

/** Event types grouped by what they are about (articles, authors, featured lists), in the order the API lists them. */
export function groupEventTypes(types: readonly WebhookEventType[]): EventGroup[] {
  const groups = new Map<string, EventGroup>();
  for (const t of types) {
    const key = eventGroupKey(t.type);
    let group = groups.get(key);
    if (!group) {
      const label = GROUP_LABELS[key] ?? key.charAt(0).toUpperCase() + key.slice(1).replace(/[-_]/g, ' ');
      group = { key, label, types: [] };
      groups.set(key, group);
    }
    if (!group.types.some((x) => x.type === t.type)) group.types.push(t);
  }
  return [...groups.values()];
}

/**
 * The chosen events in the API's order (so the request and the chips read the same way every time); events the
 * API no longer lists are kept, last, so saving never drops them silently.
 */
export function orderEvents(selected: readonly string[], available: readonly WebhookEventType[]): string[] {
  const chosen = new Set(selected);
  const known = available.map((t) => t.type).filter((t) => chosen.has(t));
  const unknown = [...chosen].filter((t) => !available.some((a) => a.type === t));
  return [...new Set([...known, ...unknown])];
}

export function toggleEvent(selected: readonly string[], type: string, on: boolean, available: readonly WebhookEventType[]): string[] {
  const rest = selected.filter((t) => t !== type);
  return orderEvents(on ? [...rest, type] : rest, available);
}

/** The "select all" box: checked when every listed type is chosen, mixed when some are. */
export function selectionState(selected: readonly string[], available: readonly WebhookEventType[]): 'all' | 'some' | 'none' {
  const count = available.filter((t) => selected.includes(t.type)).length;
  if (available.length > 0 && count === available.length) return 'all';
  return count > 0 ? 'some' : 'none';
}

/** Choosing "select all" chooses every listed type; clearing it clears them (unlisted ones stay). */
export function selectAll(selected: readonly string[], available: readonly WebhookEventType[], on: boolean): string[] {
  const listed = new Set(available.map((t) => t.type));
  const kept = selected.filter((t) => !listed.has(t));
  return orderEvents(on ? [...kept, ...listed] : kept, available);
}

// --- the endpoint form ---

export interface WebhookFormValues {
  url: string;
  description: string;
  kind: WebhookKind;
  events: string[];
  enabled: boolean;
}

export function formValuesOf(endpoint: WebhookEndpoint | null): WebhookFormValues {
  return {
    url: endpoint?.url ?? '',
    description: endpoint?.description ?? '',
    kind: endpoint?.kind ?? 'standard',
    events: [...(endpoint?.events ?? [])],
    enabled: endpoint?.enabled ?? true,
  };
}

/** POST /api/webhooks: no `enabled` (a new endpoint starts enabled). */
export function createBody(v: WebhookFormValues) {
  return { url: v.url.trim(), description: blankToNull(v.description)?.trim() ?? null, events: v.events, kind: v.kind };
}

/** PUT /api/webhooks/{id}: the whole endpoint, `enabled` included. */
export function updateBody(v: WebhookFormValues) {
  return { ...createBody(v), enabled: v.enabled };
}

/** Turning a disabled endpoint back on: everything else as the server holds it. */
export function reenableBody(endpoint: WebhookEndpoint) {
  return updateBody({ ...formValuesOf(endpoint), enabled: true });
}

/** Why a URL cannot be used, in words, or null when it looks fine (the server checks again, and refuses private addresses). */
export function checkUrl(text: string): string | null {
  const url = text.trim();
  if (!url) return 'Type the address that receives the events, starting with https://.';
  if (/\s/.test(url)) return 'An address cannot contain spaces.';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  const full = 'Type the full address, starting with https:// (or http://), for example https://example.com/hooks/cms.';
  if (!scheme) return full;
  if (scheme !== 'http' && scheme !== 'https') return 'Use an address starting with https:// (or http://).';
  if (!/^https?:\/\/[^/?#]+/i.test(url)) return full;
  try {
    const parsed = new URL(url);
    if (!parsed.hostname) throw new Error('no host');
  } catch {
    return 'This is not a web address that can be reached. Check it for typing mistakes.';
  }
  return null;
}

/** What can be told before sending, keyed by the API's field names (so server errors land at the same fields). */
export function checkWebhookForm(v: WebhookFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const url = checkUrl(v.url);
  if (url) errors.url = url;
  if (v.events.length === 0) errors.events = 'Choose at least one event to send.';
  return errors;
}

/** The fields the form shows errors at; others are said below the form. */
export const FORM_FIELDS = ['url', 'description', 'kind', 'events', 'enabled'] as const;

/**
 * A problem's field errors in plain words, keyed by form field: "events[2]" → "events", and a path such as
 * "create.request.url" (a validator's parameter path) → "url" when its last part is one of the form's fields.
 */
export function webhookFieldErrors(problem: Problem | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of problem?.errors ?? []) {
    const key = fieldKey(error.field);
    const last = key.split('.').pop()!;
    const field = (FORM_FIELDS as readonly string[]).includes(last) ? last : key;
    const text = plainMessage(error.message);
    if (!out[field]) out[field] = text;
    else if (!out[field].includes(text)) out[field] = `${out[field]} ${text}`;
  }
  return out;
}

export function sameFormValues(a: WebhookFormValues, b: WebhookFormValues): boolean {
  const key = (v: WebhookFormValues) => JSON.stringify(updateBody({ ...v, events: [...v.events].sort() }));
  return key(a) === key(b);
}

// --- status words ---

export interface EndpointStatus {
  label: 'Active' | 'Disabled';
  tone: 'ok' | 'off';
  /** Why it is off, in a sentence (null when active). */
  reason: string | null;
}

/** A sentence from a reason the server may send as a code ("too_many_failures") or as words. */
export function disabledReasonText(reason: string | null | undefined): string {
  const r = (reason ?? '').trim();
  if (!r) return 'Turned off: no events are sent to it.';
  const code = /^[a-z0-9_.:-]+$/i.test(r) ? r.toLowerCase() : null;
  if (code) {
    if (/^(manual|admin|user|disabled|by[-_]admin|manually)$/.test(code)) return 'Turned off by an admin.';
    if (/gone|410/.test(code)) return 'Turned off automatically: the receiver answered that the address no longer exists (HTTP 410 Gone).';
    if (/private|loopback|internal|blocked|forbidden|ssrf|refused[-_]target/.test(code)) {
      return 'Turned off: the address leads to a private or internal network, where events are not sent.';
    }
    if (/fail|error|consecutive|too[-_]many|retries|exhausted/.test(code)) return 'Turned off automatically because deliveries kept failing.';
    const words = code.replace(/[-_.:]+/g, ' ');
    return `Turned off: ${words}.`;
  }
  return plainMessage(r);
}

export function endpointStatus(endpoint: Pick<WebhookEndpoint, 'enabled' | 'disabledReason'>): EndpointStatus {
  if (endpoint.enabled) return { label: 'Active', tone: 'ok', reason: null };
  return { label: 'Disabled', tone: 'off', reason: disabledReasonText(endpoint.disabledReason) };
}

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: 'Pending',
  delivered: 'Delivered',
  retrying: 'Retrying',
  failed: 'Failed',
};

/** The badge for a delivery status (unknown statuses are shown as sent, neutral). */
export function deliveryStatusBadge(status: string): { label: string; className: string } {
  const known = (DELIVERY_STATUS_LABELS as Record<string, string>)[status];
  return { label: known ?? status.charAt(0).toUpperCase() + status.slice(1), className: `badge badge-delivery-${known ? status : 'other'}` };
}

/** "article.published" → "Article published"; a test ping in words. */
export function eventTypeLabel(type: string): string {
  if (/(^|\.)ping$/.test(type)) return 'Test event (ping)';
  const words = type.replace(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The last delivery in words: "Delivered", "Failed", "HTTP 503", or that there was none yet. */
export function lastDeliveryText(stats: WebhookStats | null | undefined): string {
  const last = stats?.lastStatus;
  if (last === null || last === undefined || last === '') return stats?.lastDeliveryAt ? 'Sent' : 'No delivery yet';
  if (typeof last === 'number' || /^\d{3}$/.test(String(last))) return `HTTP ${last}`;
  return deliveryStatusBadge(String(last)).label;
}

/** "12 delivered · 1 failed · 0 pending" */
export function countsText(stats: WebhookStats | null | undefined): string {
  const n = (x: number | undefined | null) => x ?? 0;
  return `${n(stats?.delivered)} delivered · ${n(stats?.failed)} failed · ${n(stats?.pending)} pending`;
}

// --- deliveries ---

export const DELIVERY_PAGE_SIZE = 50;

export function deliveriesUrl(endpointId: string, before?: string | null): string {
  return `/api/webhooks/${encodeURIComponent(endpointId)}/deliveries` + query({ limit: DELIVERY_PAGE_SIZE, before });
}

/** The HTTP answer of the last attempt: its status code, "No answer" when it was tried without one, "—" when not tried. */
export function httpStatusText(d: Pick<WebhookDelivery, 'lastStatusCode' | 'attempts'>): string {
  if (d.lastStatusCode !== null && d.lastStatusCode !== undefined) return String(d.lastStatusCode);
  return d.attempts > 0 ? 'No answer' : '—';
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  return `${Math.round(ms)} ms`;
}

/** Only a delivery that will be tried again has a next attempt worth showing. */
export function nextAttemptOf(d: Pick<WebhookDelivery, 'status' | 'nextAttemptAt'>): string | null {
  return (d.status === 'retrying' || d.status === 'pending') && d.nextAttemptAt ? d.nextAttemptAt : null;
}

export interface DeliveryList {
  items: WebhookDelivery[];
  next: string | null;
  /** How many pages are shown: a refresh keeps the older pages a person loaded. */
  pages: number;
}

const newestFirst = (items: WebhookDelivery[]) =>
  items
    .map((d, i) => ({ d, i, t: Date.parse(d.createdAt) }))
    .sort((a, b) => (Number.isNaN(b.t) || Number.isNaN(a.t) || b.t === a.t ? a.i - b.i : b.t - a.t))
    .map((x) => x.d);

/** The next (older) page appended: no row twice, newest first. */
export function appendDeliveries(list: DeliveryList, page: DeliveryPage): DeliveryList {
  const seen = new Set(list.items.map((d) => d.id));
  return { items: newestFirst([...list.items, ...page.items.filter((d) => !seen.has(d.id))]), next: page.next ?? null, pages: list.pages + 1 };
}

/**
 * The newest page read again: its rows replace the shown ones (their status may have moved on) and new ones come
 * first; older pages already loaded stay, with their cursor.
 */
export function refreshDeliveries(list: DeliveryList | null, first: DeliveryPage): DeliveryList {
  if (!list || list.pages <= 1) return { items: newestFirst(first.items), next: first.next ?? null, pages: 1 };
  const fresh = new Map(first.items.map((d) => [d.id, d]));
  const older = list.items.filter((d) => !fresh.has(d.id));
  return { items: newestFirst([...first.items, ...older]), next: list.next, pages: list.pages };
}
