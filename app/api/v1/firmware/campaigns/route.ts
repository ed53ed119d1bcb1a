import { apiRoute, requireActor } from '@/lib/api/api-route';
import { createCampaignOperation, listCampaignsOperation } from '@/lib/api/contracts/firmware';
import { publicBaseUrl } from '@/lib/diagnostics/public-base-url';
import { createCampaign } from '@/lib/firmware/create-campaign';
import { readCampaign, readCampaigns } from '@/lib/firmware/read-campaigns';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(listCampaignsOperation, async ({ db }) => ({ data: await readCampaigns(db) }));

export const POST = apiRoute(createCampaignOperation, async ({ db, actor, request, body }) => {
  const { vendor, model, siteId, currentFirmware, stationIds, startAt, ...rest } = body;
  const campaign = await createCampaign(db, requireActor(actor), {
    ...rest,
    selector: { vendor: vendor || undefined, model: model || undefined, siteId, currentFirmware: currentFirmware || undefined, stationIds },
    startAt: startAt ? new Date(startAt) : undefined,
    baseUrl: publicBaseUrl(request.headers),
  });
  return readCampaign(db, campaign.id);
});
