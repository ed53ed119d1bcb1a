import type postgres from 'postgres';
import { EVENTS_CHANNEL, eventKey, type CsmsEvent } from './events';
import { packPayloads } from './pack-payloads';

export interface Bus {
  /** Queues an event; identical events within `flushMs` are sent once. Never throws, never waits. */
  publish(event: CsmsEvent): void;
  /** Every event from every process (this one included), fanned out from one LISTEN connection. */
  subscribe(listener: (event: CsmsEvent) => void): () => void;
  /** Sends what is queued now. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface BusOptions {
  channel?: string;
  flushMs?: number;
  /** Above this many distinct queued events, they collapse into one `resync`. */
  maxPending?: number;
  onError?: (error: unknown) => void;
}

/** PostgreSQL LISTEN/NOTIFY, shared by the OCPP server and the web app (one bus per process). */
export function createBus(sql: postgres.Sql, options: BusOptions = {}): Bus {
  const channel = options.channel ?? EVENTS_CHANNEL;
  const flushMs = options.flushMs ?? 50;
  const maxPending = options.maxPending ?? 5000;
  const onError = options.onError ?? ((error) => console.error('[bus]', error));
  const listeners = new Set<(event: CsmsEvent) => void>();
  let pending = new Map<string, CsmsEvent>();
  let timer: NodeJS.Timeout | undefined;
  let sending: Promise<void> = Promise.resolve();
  let listening: Promise<{ unlisten(): Promise<void> }> | undefined;

  const deliver = (payload: string) => {
    let events: CsmsEvent[];
    try {
      events = JSON.parse(payload) as CsmsEvent[];
    } catch {
      return;
    }
    for (const event of events) for (const listener of listeners) safely(() => listener(event), onError);
  };

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.size === 0) return sending;
    const events = [...pending.values()];
    pending = new Map();
    sending = sending.then(async () => {
      for (const payload of packPayloads(events)) await sql.notify(channel, payload).catch(onError);
    });
    return sending;
  };

  return {
    publish(event) {
      if (pending.size >= maxPending) pending = new Map([['resync', { kind: 'resync' }]]);
      pending.set(eventKey(event), event);
      timer ??= setTimeout(() => void flush(), flushMs);
    },
    subscribe(listener) {
      listeners.add(listener);
      listening ??= sql.listen(channel, deliver);
      listening.catch(onError);
      return () => listeners.delete(listener);
    },
    flush,
    async close() {
      await flush();
      if (listening) await (await listening.catch(() => undefined))?.unlisten().catch(() => {});
      listeners.clear();
    },
  };
}

function safely(fn: () => void, onError: (error: unknown) => void) {
  try {
    fn();
  } catch (error) {
    onError(error);
  }
}
