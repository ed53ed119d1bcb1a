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
  /** May answer later (a lookup): events are then still sent in journal order. */
  matches?: (event: CsmsEvent) => boolean | Promise<boolean>;
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
      // Synchronous answers go out at once; once one answer is a promise, later entries queue behind it.
      let queue: Promise<void> | null = null;
      const deliver = (entry: JournalEntry) => {
        const verdict = entry.event.kind === 'resync' || matches(entry.event);
        if (!queue && typeof verdict === 'boolean') {
          if (verdict) send(frame(entry));
          return;
        }
        // Handled now, not when its turn comes: a lookup that fails early is no unhandled rejection.
        const settled = Promise.resolve(verdict).catch(() => false);
        const next: Promise<void> = (queue ?? Promise.resolve())
          .then(() => settled)
          .then((ok) => void (ok && send(frame(entry))))
          .finally(() => {
            if (queue === next) queue = null;
          });
        queue = next;
      };
      send('retry: 3000\n: connected\n\n');
      if (options.lastEventId) {
        const missed = options.journal.since(options.lastEventId);
        if (missed === null) send(`event: resync\ndata: ${JSON.stringify({ kind: 'resync' })}\n\n`);
        else for (const entry of missed) deliver(entry);
      }
      const unsubscribe = options.journal.subscribe(deliver);
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
