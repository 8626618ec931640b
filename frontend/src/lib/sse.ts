/** One server-sent event (the `message` type when the stream names none). */
export interface SseEvent {
  type: string;
  data: string;
  id?: string;
}

/**
 * Reads the text/event-stream format piece by piece (a chunk may end mid-line or mid-event): events end at a blank
 * line, `data:` lines join with newlines, comment lines (`: keep-alive`) are skipped, one space after the colon is
 * not part of the value.
 */
export function sseParser(onEvent: (event: SseEvent) => void): (chunk: string) => void {
  let pending = '';
  let type = '';
  let data: string[] = [];
  let id: string | undefined;
  const dispatch = () => {
    if (data.length) onEvent({ type: type || 'message', data: data.join('\n'), ...(id !== undefined ? { id } : {}) });
    type = '';
    data = [];
  };
  return (chunk: string) => {
    pending += chunk;
    for (;;) {
      const end = pending.search(/\r\n|\r|\n/);
      if (end < 0) return;
      // a lone \r at the very end may be half of \r\n: wait for the next chunk
      if (pending[end] === '\r' && end === pending.length - 1) return;
      const line = pending.slice(0, end);
      pending = pending.slice(end + (pending.startsWith('\r\n', end) ? 2 : 1));
      if (line === '') {
        dispatch();
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
  };
}

/**
 * Reads a fetch() answer as server-sent events until it ends or `signal` aborts. fetch() rather than EventSource:
 * EventSource cannot send the Authorization header, and a token in the URL would land in logs and histories.
 */
export async function readEventStream(response: Response, onEvent: (event: SseEvent) => void, signal?: AbortSignal): Promise<void> {
  if (!response.body) return;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const push = sseParser(onEvent);
  const stop = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', stop);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      push(decoder.decode(value, { stream: true }));
    }
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
