/**
 * Group commit: callers add items and wait; items that arrive while a write is in flight go out
 * together in the next one. Under light load a batch is one caller (no added delay); under heavy
 * load one INSERT carries hundreds of callers. A failed batch of several callers is retried caller
 * by caller, so one bad item fails only its own caller.
 */
export interface Batcher<T, R = void> {
  /** Resolves once `items` are written (committed), with their results; rejects if their own write failed. */
  add(items: T[]): Promise<R[]>;
  /** Resolves when everything added so far has been written or has failed. */
  drain(): Promise<void>;
  readonly queued: number;
}

interface Entry<T, R> {
  items: T[];
  resolve(results: R[]): void;
  reject(error: unknown): void;
}

/** `write` returns one result per item, in order (or nothing, for plain writes). */
export function createBatcher<T, R = void>(
  write: (items: T[]) => Promise<R[] | void>,
  options: { maxBatch?: number; maxInFlight?: number } = {},
): Batcher<T, R> {
  const maxBatch = options.maxBatch ?? 1000;
  const maxInFlight = options.maxInFlight ?? 2;
  const queue: Entry<T, R>[] = [];
  let queuedItems = 0;
  let inFlight = 0;
  let scheduled = false;
  const idle: (() => void)[] = [];

  const takeBatch = (): Entry<T, R>[] => {
    let count = 0;
    let size = 0;
    while (count < queue.length && (count === 0 || size + queue[count]!.items.length <= maxBatch)) size += queue[count++]!.items.length;
    queuedItems -= size;
    return queue.splice(0, count); // one splice, not a shift per entry (O(n²) with long queues)
  };

  const runBatch = async (batch: Entry<T, R>[]) => {
    try {
      const items = batch.length === 1 ? batch[0]!.items : batch.flatMap((entry) => entry.items);
      const results = (await write(items)) ?? [];
      let offset = 0;
      for (const entry of batch) {
        entry.resolve(results.slice(offset, offset + entry.items.length));
        offset += entry.items.length;
      }
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else for (const entry of batch) await write(entry.items).then((results) => entry.resolve(results ?? []), entry.reject);
    }
  };

  const pump = () => {
    scheduled = false;
    while (inFlight < maxInFlight && queue.length > 0) {
      inFlight++;
      void runBatch(takeBatch()).finally(() => {
        inFlight--;
        if (queue.length > 0) schedule();
        else if (inFlight === 0) idle.splice(0).forEach((wake) => wake());
      });
    }
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // setImmediate: every call already decoded in this turn of the event loop joins the batch.
    setImmediate(pump);
  };

  return {
    add(items) {
      if (items.length === 0) return Promise.resolve([]);
      return new Promise<R[]>((resolve, reject) => {
        queue.push({ items, resolve, reject });
        queuedItems += items.length;
        schedule();
      });
    },
    drain() {
      if (queue.length === 0 && inFlight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
    get queued() {
      return queuedItems;
    },
  };
}
