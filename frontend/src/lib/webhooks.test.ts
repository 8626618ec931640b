import { describe, expect, it } from 'vitest';
import type { WebhookDelivery, WebhookEndpoint, WebhookEventType } from './types';
import {
  appendDeliveries,
  checkUrl,
  checkWebhookForm,
  countsText,
  createBody,
  deliveriesUrl,
  deliveryStatusBadge,
  disabledReasonText,
  endpointStatus,
  eventTypeLabel,
  formatDuration,
  formValuesOf,
  groupEventTypes,
  httpStatusText,
  kindLabel,
  lastDeliveryText,
  nextAttemptOf,
  orderEvents,
  reenableBody,
  refreshDeliveries,
  sameFormValues,
  selectAll,
  selectionState,
  toggleEvent,
  updateBody,
  webhookFieldErrors,
  type WebhookFormValues,
} from './webhooks';

const TYPES: WebhookEventType[] = [
  'article.published',
  'article.unpublished',
  'article.workflow',
  'author.updated',
  'author.deleted',
  'list.published',
  'list.unpublished',
].map((type) => ({ type, description: `About ${type}` }));

const endpoint = (over: Partial<WebhookEndpoint> = {}): WebhookEndpoint => ({
  id: 'w1',
  url: 'https://hooks.example.com/cms',
  description: 'Search index',
  events: ['article.published'],
  kind: 'standard',
  enabled: true,
  version: 3,
  ...over,
});

const values = (over: Partial<WebhookFormValues> = {}): WebhookFormValues => ({ ...formValuesOf(endpoint()), ...over });

const delivery = (id: string, createdAt: string, over: Partial<WebhookDelivery> = {}): WebhookDelivery => ({
  id,
  eventId: `e-${id}`,
  eventType: 'article.published',
  status: 'delivered',
  attempts: 1,
  createdAt,
  ...over,
});

describe('checkUrl', () => {
  it('accepts absolute http and https addresses', () => {
    expect(checkUrl('https://hooks.example.com/cms')).toBeNull();
    expect(checkUrl('  http://example.com:8080/a?b=c  ')).toBeNull();
    expect(checkUrl('HTTPS://EXAMPLE.COM')).toBeNull();
  });

  it('asks for an address when there is none', () => {
    expect(checkUrl('')).toMatch(/^Type the address/);
    expect(checkUrl('   ')).toMatch(/^Type the address/);
  });

  it('refuses relative addresses and addresses without a host, in words', () => {
    for (const bad of ['example.com/hook', '/hooks/cms', 'https://', 'https:/example.com', 'https:example.com']) {
      expect(checkUrl(bad), bad).toMatch(/full address, starting with https:\/\//);
    }
  });

  it('refuses other schemes and spaces', () => {
    expect(checkUrl('ftp://example.com/x')).toBe('Use an address starting with https:// (or http://).');
    expect(checkUrl('javascript:alert(1)')).toBe('Use an address starting with https:// (or http://).');
    expect(checkUrl('https://exa mple.com')).toBe('An address cannot contain spaces.');
  });

  it('refuses what does not parse as an address', () => {
    expect(checkUrl('https://exa[mple.com/')).toMatch(/not a web address/);
  });
});

describe('checkWebhookForm', () => {
  it('passes a complete form', () => {
    expect(checkWebhookForm(values())).toEqual({});
  });

  it('keys errors by the API field names, so server errors land at the same fields', () => {
    const errors = checkWebhookForm(values({ url: 'hooks.example.com', events: [] }));
    expect(Object.keys(errors).sort()).toEqual(['events', 'url']);
    expect(errors.events).toBe('Choose at least one event to send.');
  });
});

describe('request bodies', () => {
  it('trims, clears a blank description and leaves `enabled` out of a create', () => {
    expect(createBody(values({ url: ' https://x.example/h ', description: '  ' }))).toEqual({ url: 'https://x.example/h', description: null, events: ['article.published'], kind: 'standard' });
    expect(createBody(values({ description: ' CDN ' })).description).toBe('CDN');
  });

  it('sends the whole endpoint on update, and only `enabled` changed on re-enable', () => {
    expect(updateBody(values({ enabled: false }))).toEqual({ url: 'https://hooks.example.com/cms', description: 'Search index', events: ['article.published'], kind: 'standard', enabled: false });
    const off = endpoint({ enabled: false, disabledReason: 'too_many_failures', kind: 'cdn-purge', events: ['list.published'] });
    expect(reenableBody(off)).toEqual({ url: off.url, description: 'Search index', events: ['list.published'], kind: 'cdn-purge', enabled: true });
  });

  it('starts a new form empty, as a standard webhook that is enabled', () => {
    expect(formValuesOf(null)).toEqual({ url: '', description: '', kind: 'standard', events: [], enabled: true });
  });

  it('compares forms without caring about the order of events', () => {
    expect(sameFormValues(values({ events: ['a', 'b'] }), values({ events: ['b', 'a'] }))).toBe(true);
    expect(sameFormValues(values(), values({ description: 'Other' }))).toBe(false);
    expect(sameFormValues(values(), values({ enabled: false }))).toBe(false);
  });
});

describe('event types', () => {
  it('groups them by subject, in the order the API lists them', () => {
    const groups = groupEventTypes(TYPES);
    expect(groups.map((g) => g.label)).toEqual(['Articles', 'Authors', 'Featured lists']);
    expect(groups[0].types.map((t) => t.type)).toEqual(['article.published', 'article.unpublished', 'article.workflow']);
    expect(groupEventTypes([{ type: 'media.uploaded' }, { type: 'ping' }]).map((g) => g.label)).toEqual(['Media', 'Ping']);
  });

  it('keeps the chosen events in the API order, unknown ones last', () => {
    expect(orderEvents(['list.published', 'retired.event', 'article.published'], TYPES)).toEqual(['article.published', 'list.published', 'retired.event']);
    expect(toggleEvent(['list.published'], 'author.updated', true, TYPES)).toEqual(['author.updated', 'list.published']);
    expect(toggleEvent(['list.published', 'author.updated'], 'list.published', false, TYPES)).toEqual(['author.updated']);
  });

  it('selects all and none, and says whether all, some or none are chosen', () => {
    expect(selectionState([], TYPES)).toBe('none');
    expect(selectionState(['author.updated'], TYPES)).toBe('some');
    const all = selectAll(['retired.event'], TYPES, true);
    expect(all).toEqual([...TYPES.map((t) => t.type), 'retired.event']);
    expect(selectionState(all, TYPES)).toBe('all');
    expect(selectAll(all, TYPES, false)).toEqual(['retired.event']);
    expect(selectionState([], [])).toBe('none');
  });

  it('names event types in words', () => {
    expect(eventTypeLabel('article.published')).toBe('Article published');
    expect(eventTypeLabel('author.deleted')).toBe('Author deleted');
    expect(eventTypeLabel('webhook.ping')).toBe('Test event (ping)');
    expect(eventTypeLabel('ping')).toBe('Test event (ping)');
  });
});

describe('server field errors', () => {
  it('puts each error at its form field, once, in plain words', () => {
    const errors = webhookFieldErrors({
      status: 400,
      errors: [
        { field: 'url', message: 'points to a private or loopback address, which is not allowed' },
        { field: 'events[0]', message: 'is not a known event type' },
        { field: 'events[1]', message: 'is not a known event type' },
        { field: 'create.request.description', message: 'size must be between 0 and 200' },
      ],
    });
    expect(errors).toEqual({
      url: 'Points to a private or loopback address, which is not allowed.',
      events: 'Is not a known event type.',
      description: 'Use at most 200 characters.',
    });
  });

  it('keeps fields the form does not show under their own names', () => {
    expect(webhookFieldErrors({ errors: [{ field: 'headers.x', message: 'must not be blank' }] })).toEqual({ 'headers.x': 'This cannot be empty.' });
    expect(webhookFieldErrors(undefined)).toEqual({});
  });
});

describe('status words', () => {
  it('labels kinds', () => {
    expect(kindLabel('standard')).toBe('Webhook');
    expect(kindLabel('cdn-purge')).toBe('CDN purge');
    expect(kindLabel('other')).toBe('other');
  });

  it('says active, or disabled with the reason in words', () => {
    expect(endpointStatus(endpoint())).toEqual({ label: 'Active', tone: 'ok', reason: null });
    const off = endpointStatus(endpoint({ enabled: false, disabledReason: 'too_many_failures' }));
    expect(off.label).toBe('Disabled');
    expect(off.reason).toBe('Turned off automatically because deliveries kept failing.');
  });

  it('turns reason codes into sentences and keeps sentences as they are', () => {
    expect(disabledReasonText(null)).toBe('Turned off: no events are sent to it.');
    expect(disabledReasonText('manual')).toBe('Turned off by an admin.');
    expect(disabledReasonText('CONSECUTIVE_FAILURES')).toBe('Turned off automatically because deliveries kept failing.');
    expect(disabledReasonText('gone')).toMatch(/410 Gone/);
    expect(disabledReasonText('private-address')).toMatch(/private or internal network/);
    expect(disabledReasonText('maintenance_window')).toBe('Turned off: maintenance window.');
    expect(disabledReasonText('disabled after 20 failed deliveries in a row')).toBe('Disabled after 20 failed deliveries in a row.');
  });

  it('labels delivery statuses with a badge class per status', () => {
    expect(deliveryStatusBadge('delivered')).toEqual({ label: 'Delivered', className: 'badge badge-delivery-delivered' });
    expect(deliveryStatusBadge('failed').label).toBe('Failed');
    expect(deliveryStatusBadge('retrying').label).toBe('Retrying');
    expect(deliveryStatusBadge('pending').label).toBe('Pending');
    expect(deliveryStatusBadge('cancelled')).toEqual({ label: 'Cancelled', className: 'badge badge-delivery-other' });
  });

  it('tells the last delivery and the counts', () => {
    expect(lastDeliveryText(undefined)).toBe('No delivery yet');
    expect(lastDeliveryText({ delivered: 0, failed: 0, pending: 0, lastStatus: null })).toBe('No delivery yet');
    expect(lastDeliveryText({ delivered: 1, failed: 0, pending: 0, lastStatus: 'delivered', lastDeliveryAt: '2026-11-30T10:00:00Z' })).toBe('Delivered');
    expect(lastDeliveryText({ delivered: 1, failed: 0, pending: 0, lastStatus: 503 })).toBe('HTTP 503');
    expect(lastDeliveryText({ delivered: 1, failed: 0, pending: 0, lastStatus: '200' })).toBe('HTTP 200');
    expect(countsText({ delivered: 12, failed: 1, pending: 0 })).toBe('12 delivered · 1 failed · 0 pending');
    expect(countsText(null)).toBe('0 delivered · 0 failed · 0 pending');
  });
});

describe('deliveries', () => {
  it('builds the page address with the cursor', () => {
    expect(deliveriesUrl('w 1')).toBe('/api/webhooks/w%201/deliveries?limit=50');
    expect(deliveriesUrl('w1', 'd-42')).toBe('/api/webhooks/w1/deliveries?limit=50&before=d-42');
  });

  it('formats HTTP status, duration and next attempt', () => {
    expect(httpStatusText({ lastStatusCode: 500, attempts: 2 })).toBe('500');
    expect(httpStatusText({ lastStatusCode: null, attempts: 2 })).toBe('No answer');
    expect(httpStatusText({ lastStatusCode: null, attempts: 0 })).toBe('—');
    expect(formatDuration(123.6)).toBe('124 ms');
    expect(formatDuration(null)).toBe('—');
    expect(nextAttemptOf({ status: 'retrying', nextAttemptAt: '2026-11-30T10:05:00Z' })).toBe('2026-11-30T10:05:00Z');
    expect(nextAttemptOf({ status: 'failed', nextAttemptAt: '2026-11-30T10:05:00Z' })).toBeNull();
  });

  it('appends older pages without repeating rows, newest first', () => {
    const first = { items: [delivery('d3', '2026-11-30T10:03:00Z'), delivery('d2', '2026-11-30T10:02:00Z')], next: 'd2' };
    const list = refreshDeliveries(null, first);
    expect(list).toEqual({ items: first.items, next: 'd2', pages: 1 });
    const more = appendDeliveries(list, { items: [delivery('d2', '2026-11-30T10:02:00Z'), delivery('d1', '2026-11-30T10:01:00Z')], next: null });
    expect(more.items.map((d) => d.id)).toEqual(['d3', 'd2', 'd1']);
    expect(more.next).toBeNull();
    expect(more.pages).toBe(2);
  });

  it('refreshes the newest page in place and keeps older pages already loaded', () => {
    const loaded = { items: [delivery('d3', '2026-11-30T10:03:00Z', { status: 'retrying' }), delivery('d2', '2026-11-30T10:02:00Z'), delivery('d1', '2026-11-30T10:01:00Z')], next: 'd1', pages: 2 };
    const refreshed = refreshDeliveries(loaded, { items: [delivery('d4', '2026-11-30T10:04:00Z'), delivery('d3', '2026-11-30T10:03:00Z', { status: 'delivered' })], next: 'd3' });
    expect(refreshed.items.map((d) => `${d.id}:${d.status}`)).toEqual(['d4:delivered', 'd3:delivered', 'd2:delivered', 'd1:delivered']);
    expect(refreshed.next).toBe('d1');
    expect(refreshed.pages).toBe(2);
    // With only the first page shown, a refresh simply replaces it.
    const single = refreshDeliveries({ ...loaded, pages: 1 }, { items: [delivery('d4', '2026-11-30T10:04:00Z')], next: 'd4' });
    expect(single).toEqual({ items: [delivery('d4', '2026-11-30T10:04:00Z')], next: 'd4', pages: 1 });
  });

  it('shows newest first even when the server answers oldest first', () => {
    const list = refreshDeliveries(null, { items: [delivery('a', '2026-11-30T10:01:00Z'), delivery('b', '2026-11-30T10:02:00Z')], next: null });
    expect(list.items.map((d) => d.id)).toEqual(['b', 'a']);
  });
});
