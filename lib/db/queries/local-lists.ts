import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db, DbClient } from '../client';
import { stationLocalLists, stations, type LocalListEntryInfo, type StationLocalList } from '../schema';

export async function getStationLocalList(db: Db, stationId: string): Promise<StationLocalList | undefined> {
  const [row] = await db.select().from(stationLocalLists).where(eq(stationLocalLists.stationId, stationId));
  return row;
}

export async function saveStationLocalList(db: Db, stationId: string, patch: Partial<Omit<StationLocalList, 'stationId'>>, now: Date): Promise<void> {
  await db
    .insert(stationLocalLists)
    .values({ stationId, ...patch, updatedAt: now })
    .onConflictDoUpdate({ target: stationLocalLists.stationId, set: { ...patch, updatedAt: now } });
}

/** Saves a sent list only if nobody else sent one since `previousVersion` was read (no lost update). */
export async function recordSentLocalList(
  db: Db,
  input: { stationId: string; previousVersion: number; version: number; entries: Record<string, LocalListEntryInfo> },
  now: Date,
): Promise<boolean> {
  await db.insert(stationLocalLists).values({ stationId: input.stationId, updatedAt: now }).onConflictDoNothing();
  const rows = await db
    .update(stationLocalLists)
    .set({ sentVersion: input.version, sentEntries: input.entries, sentAt: now, lastError: null, updatedAt: now })
    .where(and(eq(stationLocalLists.stationId, input.stationId), eq(stationLocalLists.sentVersion, input.previousVersion)))
    .returning({ stationId: stationLocalLists.stationId });
  return rows.length > 0;
}

/** Online stations that have accepted a list before: the ones a re-sync keeps up to date. */
export async function listOnlineStationsWithLocalList(db: Db): Promise<string[]> {
  const rows = await db
    .select({ stationId: stationLocalLists.stationId })
    .from(stationLocalLists)
    .innerJoin(stations, eq(stations.id, stationLocalLists.stationId))
    .where(and(gt(stationLocalLists.sentVersion, 0), eq(stations.online, true)))
    .orderBy(asc(stationLocalLists.stationId));
  return rows.map((row) => row.stationId);
}

const LOCAL_LIST_SYNC_LOCK = 0x6c6f63616c; // "local"

/** Runs `run` only if no other OCPP node is syncing local lists now (a session advisory lock on a reserved connection). */
export async function withLocalListSyncLock<T>(db: DbClient, run: () => Promise<T>): Promise<T | undefined> {
  const reserved = await db.$client.reserve();
  try {
    const [row] = await reserved<{ locked: boolean }[]>`select pg_try_advisory_lock(${LOCAL_LIST_SYNC_LOCK}) as locked`;
    if (!row?.locked) return undefined;
    try {
      return await run();
    } finally {
      await reserved`select pg_advisory_unlock(${LOCAL_LIST_SYNC_LOCK})`;
    }
  } finally {
    reserved.release();
  }
}
