import { apiRoute, requireActor } from '@/lib/api/api-route';
import { controlCampaignOperation } from '@/lib/api/contracts/firmware';
import { controlCampaign } from '@/lib/firmware/control-campaign';
import { readCampaign } from '@/lib/firmware/read-campaigns';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(controlCampaignOperation, async ({ db, actor, params }) => {
  await controlCampaign(db, requireActor(actor), { campaignId: params.id, control: params.control });
  return readCampaign(db, params.id);
});
