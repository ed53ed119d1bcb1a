import { recordAudit } from '../audit/record-audit';
import { roleAllows, type Actor } from '../auth/roles';
import type { Db } from '../db/client';
import { getCampaign, retryFailedTargets, setCampaignState } from '../db/queries/firmware';
import type { CampaignState } from '../db/schema';
import { conflict, forbidden, notFound } from '../errors';

export const campaignControls = ['pause', 'resume', 'cancel', 'retry'] as const;
export type CampaignControl = (typeof campaignControls)[number];

const transitions: Record<CampaignControl, { from: readonly CampaignState[]; to: CampaignState; final?: boolean }> = {
  pause: { from: ['scheduled', 'running'], to: 'paused' },
  resume: { from: ['paused'], to: 'running' },
  cancel: { from: ['scheduled', 'running', 'paused'], to: 'cancelled', final: true },
  // Failed stations go back to pending and the campaign runs again (also after the threshold stopped it).
  retry: { from: ['running', 'paused', 'completed', 'stopped'], to: 'running' },
};

/**
 * Pause (no new UpdateFirmware; stations already updating go on), resume, cancel (nothing more is
 * sent; what a station already downloads cannot be called back in OCPP 1.6), retry the failed.
 */
export async function controlCampaign(db: Db, actor: Actor, input: { campaignId: number; control: CampaignControl }) {
  if (!roleAllows(actor.role, 'operator')) throw forbidden('Controlling a firmware rollout needs the operator role');
  const current = await getCampaign(db, input.campaignId);
  if (!current) throw notFound(`Campaign ${input.campaignId} not found`);
  const transition = transitions[input.control];
  if (!transition.from.includes(current.campaign.state)) throw conflict('invalid_state', `A ${current.campaign.state} campaign cannot ${input.control}`);
  const retried = input.control === 'retry' ? await retryFailedTargets(db, input.campaignId) : 0;
  const updated = await setCampaignState(db, input.campaignId, { ...transition, reason: `${input.control} by ${actor.label}` });
  if (!updated) throw conflict('invalid_state', `A ${current.campaign.state} campaign cannot ${input.control}`);
  await recordAudit(db, actor, {
    action: `firmware.campaign.${input.control}`,
    targetType: 'firmware_campaign',
    targetId: String(input.campaignId),
    before: { state: current.campaign.state },
    after: { state: updated.state, ...(input.control === 'retry' ? { retried } : {}) },
  });
  return updated;
}
