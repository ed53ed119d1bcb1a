import type { Db } from '../db/client';
import { insertMessageLogRows } from '../db/queries/message-log';
import type { MessageLogRow } from '../db/schema';
import { createBatcher } from '../ocpp/batcher';

/** Longest frame text kept; the rest is cut (a 1 MiB firmware DataTransfer is not inspector material). */
export const MAX_LOGGED_FRAME_CHARS = 65_536;

/**
 * The message log is diagnostics, not state: it is written after the fact in batches and never
 * delays a CALLRESULT. If the database falls behind by `maxQueued` rows, new rows are dropped
 * (and counted) rather than letting memory grow.
 */
export function createMessageLogWriter(
  db: Db,
  options: { maxQueued?: number; onError?: (error: unknown) => void; /** After a batch is written: the stations it had frames of. */ onLogged?: (stationIds: string[]) => void } = {},
) {
  const maxQueued = options.maxQueued ?? 100_000;
  const onError = options.onError ?? ((error) => console.error('[message-log]', error));
  // Big batches, one at a time: the log must not take the database from the replies' writes.
  const batcher = createBatcher<MessageLogRow>(
    async (rows) => {
      await insertMessageLogRows(db, rows);
      options.onLogged?.([...new Set(rows.map((row) => row.stationId))]);
    },
    { maxBatch: 5000, maxInFlight: 1 },
  );
  let dropped = 0;
  return {
    record(row: MessageLogRow) {
      if (batcher.queued >= maxQueued) {
        dropped++;
        return;
      }
      if (row.frame.length > MAX_LOGGED_FRAME_CHARS) row.frame = `${row.frame.slice(0, MAX_LOGGED_FRAME_CHARS)}…[truncated]`;
      // PostgreSQL text cannot hold NUL; a malformed frame may contain one.
      if (row.frame.includes('\0')) row.frame = row.frame.replaceAll('\0', '\uFFFD');
      batcher.add([row]).catch(onError);
    },
    /**
     * Writes what is queued, but waits at most `limitMs` (shutdown must end within seconds even after
     * a burst); returns how many rows were still queued then (they are lost: the log is diagnostics).
     */
    async drain(limitMs = Infinity): Promise<number> {
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<void>((resolve) => (timer = Number.isFinite(limitMs) ? setTimeout(resolve, limitMs) : undefined));
      await Promise.race([batcher.drain(), limit]);
      clearTimeout(timer);
      return batcher.queued;
    },
    get dropped() {
      return dropped;
    },
  };
}
export type MessageLogWriter = ReturnType<typeof createMessageLogWriter>;
