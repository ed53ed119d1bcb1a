import postgres from 'postgres';
import { drizzle, type PostgresJsQueryResultHKT } from 'drizzle-orm/postgres-js';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { getEnv } from '../env';

export function createDb(url: string, options: { max?: number } = {}) {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {}, connection: { TimeZone: 'UTC' } });
  return drizzle(client, { schema });
}

/** The pool-owning client (has `$client` to end it). */
export type DbClient = ReturnType<typeof createDb>;
/** What queries take: the client or a transaction inside it. */
export type Db = PgDatabase<PostgresJsQueryResultHKT, typeof schema>;

const globalForDb = globalThis as unknown as { csmsDb?: DbClient };

/** The process-wide client (cached on globalThis so hot reload does not open a pool per edit). */
export function getDb(): DbClient {
  if (!globalForDb.csmsDb) {
    const url = getEnv().DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: start the app with `npm start`, which provides it.');
    globalForDb.csmsDb = createDb(url);
  }
  return globalForDb.csmsDb;
}
