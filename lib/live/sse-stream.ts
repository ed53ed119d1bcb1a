import type { CsmsEvent } from '../bus/events';
import type { EventJournal, JournalEntry } from './event-journal';

export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  // no-transform: otherwise a compressing proxy (or Next's own compression) buffers the stream.
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
} as const;

export interface SseOptions {
  journal: EventJournal;
  lastEventId?: string | null;
  matches?: (event: CsmsEvent) => boolean;
  heartbeatMs?: number;
  signal: AbortSignal;
}

const frame = (entry: JournalEntry) => `id: ${entry.id}\nevent: ${entry.event.kind}\ndata: ${JSON.stringify(entry.event)}\n\n`;

/**
 * A text/event-stream of bus events: first what the client missed since Last-Event-ID (or a
 * `resync` when that cannot be known), then live events, with a comment line as heartbeat.
 */
export function createSseStream(options: SseOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const matches = options.matches ?? (() => true);
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      send('retry: 3000\n: connected\n\n');
      if (options.lastEventId) {
        const missed = options.journal.since(options.lastEventId);
        if (missed === null) send(`event: resync\ndata: ${JSON.stringify({ kind: 'resync' })}\n\n`);
        else for (const entry of missed) if (matches(entry.event)) send(frame(entry));
      }
      const unsubscribe = options.journal.subscribe((entry) => {
        if (entry.event.kind === 'resync' || matches(entry.event)) send(frame(entry));
      });
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), options.heartbeatMs ?? 15_000);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      options.signal.addEventListener('abort', () => cleanup(), { once: true });
    },
    cancel() {
      cleanup();
    },
  });
}
