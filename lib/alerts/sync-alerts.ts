import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Alert } from '../db/schema';
import { insertAlerts, listOpenRuleAlertKeys, readFleetSnapshot, resolveAlerts } from '../db/queries/alerts';
import { evaluateAlertRules, type AlertThresholds } from './alert-rules';

const ALERTS_LOCK_KEY = 7_215_300_418;

/**
 * One evaluation: raise alerts whose condition holds and that are not open, clear open alerts whose
 * condition is gone. Under a transaction-level advisory lock, so several OCPP nodes running the
 * same schedule never evaluate at once (the partial unique index backs it up). Event alerts
 * (critical security events) are not the rules' to clear.
 */
export async function syncAlerts(db: Db, now: Date, thresholds?: AlertThresholds): Promise<{ raised: Alert[]; cleared: Alert[] }> {
  return db.transaction(async (tx) => {
    const [lock] = (await tx.execute(sql`select pg_try_advisory_xact_lock(${ALERTS_LOCK_KEY}) as locked`)) as unknown as { locked: boolean }[];
    if (!lock?.locked) return { raised: [], cleared: [] };
    const candidates = evaluateAlertRules(await readFleetSnapshot(tx), now, thresholds);
    const wanted = new Set(candidates.map((candidate) => candidate.key));
    const open = await listOpenRuleAlertKeys(tx);
    const openKeys = new Set(open.map((alert) => alert.key));
    const raised = await insertAlerts(tx, candidates.filter((candidate) => !openKeys.has(candidate.key)), now);
    const cleared = await resolveAlerts(tx, open.filter((alert) => !wanted.has(alert.key)).map((alert) => alert.id), { at: now, by: 'system' });
    return { raised, cleared };
  });
}
