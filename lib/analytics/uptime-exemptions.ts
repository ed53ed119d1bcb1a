import { z } from 'zod';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { deleteUptimeExemption, insertUptimeExemption } from '../db/queries/analytics-maintenance';
import { getStationById } from '../db/queries/stations';
import { badRequest, notFound } from '../errors';
import { refreshRollups } from './refresh-rollups';

export const uptimeExemptionSchema = z.object({
  stationId: z.string().min(1),
  connectorId: z.coerce.number().int().min(1).nullable().default(null),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  reason: z.string().trim().min(1).max(200),
});
export type UptimeExemptionInput = z.infer<typeof uptimeExemptionSchema>;

/** Marks an outage as exempt from uptime and refreshes the rollups of the hours it covers. */
export async function createUptimeExemption(db: Db, actor: Actor, input: UptimeExemptionInput, now = new Date()) {
  if (input.endsAt <= input.startsAt) throw badRequest('The end must be after the start', 'endsAt');
  if (!(await getStationById(db, input.stationId))) throw badRequest(`No station ${input.stationId}`, 'stationId');
  const exemption = await db.transaction(async (tx) => {
    const row = await insertUptimeExemption(tx, { ...input, createdBy: actor.label, createdAt: now });
    await recordAudit(tx, actor, { action: 'uptime_exemption.create', targetType: 'station', targetId: input.stationId, after: input });
    return row;
  });
  await refreshRollups(db, { from: input.startsAt, to: input.endsAt < now ? input.endsAt : now, now });
  return exemption;
}

export async function removeUptimeExemption(db: Db, actor: Actor, id: string, now = new Date()) {
  const removed = await db.transaction(async (tx) => {
    const row = await deleteUptimeExemption(tx, id);
    if (!row) throw notFound('No such exemption');
    await recordAudit(tx, actor, { action: 'uptime_exemption.delete', targetType: 'station', targetId: row.stationId, before: row });
    return row;
  });
  await refreshRollups(db, { from: removed.startsAt, to: removed.endsAt < now ? removed.endsAt : now, now });
}
