import { describe, expect, it } from 'vitest';
import { readEventStream, sseParser, type SseEvent } from './sse';

const parse = (chunks: string[]) => {
  const events: SseEvent[] = [];
  const push = sseParser((e) => events.push(e));
  chunks.forEach(push);
  return events;
};

describe('sseParser', () => {
  it('reads named events and skips keep-alive comments', () => {
    expect(parse([': keep-alive\n\nevent: presence\ndata: {"a":1}\n\n'])).toEqual([{ type: 'presence', data: '{"a":1}' }]);
  });

  it('joins events split anywhere across chunks, with any line ending', () => {
    expect(parse(['event: pres', 'ence\r', '\ndata: {"a"', ':1}\r\n\r', '\n', 'data: x\rdata: y\r\r', 'id: 2\n'])).toEqual([
      { type: 'presence', data: '{"a":1}' },
      { type: 'message', data: 'x\ny' },
    ]);
  });

  it('keeps an id, ignores unknown fields and an event without data', () => {
    expect(parse(['retry: 10\nevent: nothing\n\nid: 7\ndata:no space\n\n'])).toEqual([{ type: 'message', data: 'no space', id: '7' }]);
  });

  it('holds an unfinished event until its blank line', () => {
    expect(parse(['event: presence\ndata: {}\n'])).toEqual([]);
  });
});

describe('readEventStream', () => {
  it('reads a streamed body chunk by chunk', async () => {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('event: presence\nda'));
        controller.enqueue(encoder.encode('ta: 1\n\n: keep-alive\n\n'));
        controller.enqueue(encoder.encode('event: presence\ndata: 2\n\n'));
        controller.close();
      },
    });
    const events: SseEvent[] = [];
    await readEventStream(new Response(body), (e) => events.push(e));
    expect(events.map((e) => e.data)).toEqual(['1', '2']);
  });

  it('stops when aborted', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('event: presence\ndata: 1\n\n'));
      },
    });
    const abort = new AbortController();
    const events: SseEvent[] = [];
    const done = readEventStream(new Response(body), (e) => {
      events.push(e);
      abort.abort();
    }, abort.signal);
    await expect(done).resolves.toBeUndefined();
    expect(events).toHaveLength(1);
  });
});
