import { sql } from 'drizzle-orm';
import type { Actor } from '../auth/roles';
import { auditCommand } from '../commands/audit-command';
import { createCommand } from '../commands/create-command';
import type { Db } from '../db/client';
import {
  countCampaignTargets,
  failOverdueTargets,
  failTargetsOfFailedCommands,
  getFirmwareImage,
  listPendingTargets,
  listRunningCampaigns,
  setCampaignState,
  startDueCampaigns,
  updateTarget,
} from '../db/queries/firmware';
import { inFlightTargetStates, type Command, type FirmwareCampaign } from '../db/schema';
import { newUploadToken } from '../diagnostics/upload-token';
import { AppError } from '../errors';

const CAMPAIGNS_LOCK_KEY = 7_215_300_420;

export interface AdvanceResult {
  /** Campaigns whose progress changed (for the bus). */
  changed: number[];
  /** UpdateFirmware commands queued: the caller announces them on the command channel. */
  queued: Command[];
}

/**
 * One round of every running firmware campaign (the OCPP server's scheduler, one node at a time
 * under an advisory lock): start the scheduled ones that are due; fail the stations whose
 * UpdateFirmware was not accepted or that went silent; stop the campaign at the failure threshold;
 * send the next batch within the concurrency limit; complete it when nothing is left.
 */
export async function advanceCampaigns(db: Db, input: { now: Date; nodeDeadAfterMs?: number }): Promise<AdvanceResult> {
  return db.transaction(async (tx) => {
    const result: AdvanceResult = { changed: [], queued: [] };
    const [lock] = (await tx.execute(sql`select pg_try_advisory_xact_lock(${CAMPAIGNS_LOCK_KEY}) as locked`)) as unknown as { locked: boolean }[];
    if (!lock?.locked) return result;
    for (const started of await startDueCampaigns(tx, input.now)) result.changed.push(started.id);
    for (const campaign of await listRunningCampaigns(tx)) {
      if (await advanceCampaign(tx, campaign, input, result.queued)) result.changed.push(campaign.id);
    }
    return result;
  });
}

async function advanceCampaign(db: Db, campaign: FirmwareCampaign, input: { now: Date; nodeDeadAfterMs?: number }, queued: Command[]): Promise<boolean> {
  let changed = (await failTargetsOfFailedCommands(db, campaign.id)) + (await failOverdueTargets(db, { campaignId: campaign.id, timeoutS: campaign.stationTimeoutS, now: input.now })) > 0;
  const counts = await countCampaignTargets(db, campaign.id);
  const failed = counts.failed ?? 0;
  if (campaign.failureThreshold !== null && failed >= campaign.failureThreshold) {
    await setCampaignState(db, campaign.id, { from: ['running'], to: 'stopped', reason: `${failed} stations failed (threshold ${campaign.failureThreshold})`, final: true });
    return true;
  }
  const inFlight = inFlightTargetStates.reduce((sum, state) => sum + (counts[state] ?? 0), 0);
  const slots = Math.min(campaign.batchSize, campaign.concurrency - inFlight);
  const pending = slots > 0 ? await listPendingTargets(db, campaign.id, slots) : [];
  if (pending.length > 0) {
    const firmware = (await getFirmwareImage(db, campaign.firmwareId))!;
    const actor: Actor = { type: 'system', id: null, label: `firmware campaign #${campaign.id}`, role: 'operator' };
    for (const target of pending) {
      const { token, tokenHash } = newUploadToken();
      const payload = { location: `${campaign.baseUrl}/api/v1/firmware/download/${token}/${encodeURIComponent(firmware.fileName)}`, retrieveDate: input.now.toISOString() };
      let command: Command;
      try {
        command = await createCommand({ db, nodeDeadAfterMs: input.nodeDeadAfterMs }, actor, { stationId: target.stationId, action: 'UpdateFirmware', payload });
      } catch (error) {
        // e.g. the station was rejected since the campaign was made: this station fails, the campaign goes on.
        if (!(error instanceof AppError)) throw error;
        await updateTarget(db, target.id, { state: 'failed', detail: error.message, finishedAt: input.now });
        continue;
      }
      await auditCommand(db, actor, command);
      const sent = command.state === 'queued';
      if (sent) queued.push(command);
      await updateTarget(db, target.id, {
        state: sent ? 'sent' : 'failed',
        commandId: command.id,
        tokenHash: sent ? tokenHash : null,
        tokenExpiresAt: new Date(input.now.getTime() + campaign.stationTimeoutS * 1000),
        sentAt: input.now,
        detail: sent ? 'UpdateFirmware sent' : `UpdateFirmware ${command.state}: ${command.errorDescription ?? ''}`,
        finishedAt: sent ? null : input.now,
      });
    }
    changed = true;
  } else if (inFlight === 0 && (counts.pending ?? 0) === 0) {
    await setCampaignState(db, campaign.id, { from: ['running'], to: 'completed', reason: `${counts.installed ?? 0} installed, ${failed} failed`, final: true });
    changed = true;
  }
  return changed;
}
