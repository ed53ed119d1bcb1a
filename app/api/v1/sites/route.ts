import { apiRoute, requireActor } from '@/lib/api/api-route';
import { createSiteOperation, listSitesOperation } from '@/lib/api/contracts/sites';
import { listSitesWithSummary } from '@/lib/db/queries/sites';
import { createSite } from '@/lib/sites/create-site';

export const GET = apiRoute(listSitesOperation, async ({ db }) => ({ data: await listSitesWithSummary(db) }));

export const POST = apiRoute(createSiteOperation, ({ db, actor, body }) => createSite(db, requireActor(actor), body));
