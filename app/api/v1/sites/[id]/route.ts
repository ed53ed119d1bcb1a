import { apiRoute, requireActor } from '@/lib/api/api-route';
import { deleteSiteOperation, getSiteOperation, updateSiteOperation } from '@/lib/api/contracts/sites';
import { deleteSite } from '@/lib/sites/delete-site';
import { getSiteDetail } from '@/lib/sites/get-site-detail';
import { updateSite } from '@/lib/sites/update-site';

export const GET = apiRoute(getSiteOperation, ({ db, params }) => getSiteDetail(db, params.id));

export const PATCH = apiRoute(updateSiteOperation, ({ db, actor, params, body }) => updateSite(db, requireActor(actor), params.id, body));

export const DELETE = apiRoute(deleteSiteOperation, ({ db, actor, params }) => deleteSite(db, requireActor(actor), params.id));
