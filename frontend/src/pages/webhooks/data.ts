import { get } from '../../lib/api';
import type { WebhookEventType } from '../../lib/types';
import { useLoad } from '../../ui/common';

/** The event types the forms offer and the chips describe; read once per page. */
export function useEventTypes() {
  return useLoad((signal) => get<{ items: WebhookEventType[] }>('/api/webhooks/event-types', signal).then((r) => r.items ?? []), []);
}

/** A 412 on a quick action (re-enable, delete): what happened, and that the page now shows the current state. */
export const changedElsewhere = (what: string) =>
  `Someone else changed this endpoint since the page was loaded, so ${what}. The page now shows the current settings; check them and try again.`;
