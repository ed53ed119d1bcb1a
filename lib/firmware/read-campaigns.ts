import type { Db } from '../db/client';
import { countCampaignTargets, getCampaign, listCampaigns, listCampaignTargets } from '../db/queries/firmware';
import { notFound } from '../errors';
import { campaignView, targetView } from './campaign-view';

export async function readCampaigns(db: Db) {
  const rows = await listCampaigns(db);
  return Promise.all(rows.map(async ({ campaign, firmware }) => campaignView(campaign, firmware, await countCampaignTargets(db, campaign.id))));
}

export async function readCampaign(db: Db, id: number) {
  const row = await getCampaign(db, id);
  if (!row) throw notFound(`Campaign ${id} not found`);
  const [counts, targets] = await Promise.all([countCampaignTargets(db, id), listCampaignTargets(db, id)]);
  return { ...campaignView(row.campaign, row.firmware, counts), targets: targets.map(targetView) };
}
export type CampaignDetail = Awaited<ReturnType<typeof readCampaign>>;
