import { apiRoute } from '@/lib/api/api-route';
import { getCampaignOperation } from '@/lib/api/contracts/firmware';
import { readCampaign } from '@/lib/firmware/read-campaigns';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(getCampaignOperation, ({ db, params }) => readCampaign(db, params.id));
