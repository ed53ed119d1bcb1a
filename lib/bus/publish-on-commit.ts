import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { EVENTS_CHANNEL, type CsmsEvent } from './events';
import { packPayloads } from './pack-payloads';

/**
 * Publishes events from inside a database transaction: PostgreSQL delivers a NOTIFY only when its
 * transaction commits (and never if it rolls back), so listeners never hear of a change they cannot
 * read yet. Same channel and payload format as the bus (lib/bus/bus.ts).
 */
export async function publishOnCommit(tx: Db, events: readonly CsmsEvent[]): Promise<void> {
  for (const payload of packPayloads(events)) await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${payload})`);
}
