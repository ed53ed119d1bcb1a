import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { findTouchedSince } from '../db/queries/analytics-maintenance';
import { findMissingMonthlyRange, replaceMonthlyStats } from '../db/queries/analytics-monthly-rollups';
import { findMissingRevenueRange, replaceMonthlyRevenue, updateChangedPaymentMethods } from '../db/queries/analytics-revenue';
import { rollupWatermarks } from '../db/schema';
import { floorHour, rebuildRollups, refreshRollups } from './refresh-rollups';

export const ROLLUPS_LOCK_KEY = 7_215_300_519;
const WATERMARK = 'connector_stats';
/**
 * How far back new rows may reach into the rollups at each refresh. Older ones are taken for a
 * station clock fault (a station that lost its clock reports 1970 or 2000): recomputing every hour
 * since then would take the database for hours at each run. `npm run cli -- analytics rebuild`
 * folds them in if they are real (a station that uploads a very old offline queue).
 */
export const MAX_BACKFILL_MS = 35 * 86_400_000;

/**
 * The scheduler's incremental step: the hours touched by rows that arrived since the watermark
 * (status changes, meter values, transaction updates, connections, exemptions) plus the hour of the
 * last refresh (open intervals grew) are recomputed. One node at a time (a transaction-level
 * advisory lock). Without a watermark (first run) it rebuilds everything.
 */
export async function refreshChangedRollups(db: Db, now: Date): Promise<{ refreshed: boolean; from?: Date; rows?: number; clampedFrom?: Date }> {
  return db.transaction(async (tx) => {
    const [lock] = (await tx.execute(sql`select pg_try_advisory_xact_lock(${ROLLUPS_LOCK_KEY}) as locked`)) as unknown as { locked: boolean }[];
    if (!lock?.locked) return { refreshed: false };
    const [mark] = await tx.select().from(rollupWatermarks).where(sql`${rollupWatermarks.name} = ${WATERMARK}`).for('update');
    const previous = mark ?? { statusHistoryId: 0, meterValueId: 0, changedSince: now, refreshedAt: now };
    const touched = await findTouchedSince(tx, previous);
    const lastHour = floorHour(previous.refreshedAt);
    const floor = floorHour(new Date(now.getTime() - MAX_BACKFILL_MS));
    const clampedFrom = touched.earliest && touched.earliest < floor ? touched.earliest : undefined;
    const earliest = clampedFrom ? floor : touched.earliest;
    const from = earliest && earliest < lastHour ? floorHour(earliest) : lastHour;
    // Rollups built before the monthly level existed get their months once, from the daily rows.
    const missing = mark ? await findMissingMonthlyRange(tx) : null;
    if (missing) await replaceMonthlyStats(tx, missing);
    const missingRevenue = mark ? await findMissingRevenueRange(tx) : null;
    if (missingRevenue) await replaceMonthlyRevenue(tx, missingRevenue);
    // Payments settle after the stop (a card payment of an invoice even days later): their months are re-summed.
    const repaid = mark ? await updateChangedPaymentMethods(tx, previous.changedSince) : null;
    if (repaid && repaid.from < from) await replaceMonthlyRevenue(tx, { from: repaid.from, to: from });
    // The first run over an existing history is a rebuild: a month per transaction on the root
    // client, not one huge transaction (this one keeps holding the lock meanwhile).
    const { rows } = mark ? await refreshRollups(tx, { from, to: now, now }) : await rebuildRollups(db, { now });
    const next = { statusHistoryId: touched.statusHistoryId, meterValueId: touched.meterValueId, changedSince: now, refreshedAt: now };
    await tx
      .insert(rollupWatermarks)
      .values({ name: WATERMARK, ...next })
      .onConflictDoUpdate({ target: rollupWatermarks.name, set: next });
    return { refreshed: true, from, rows, ...(clampedFrom ? { clampedFrom } : {}) };
  });
}
