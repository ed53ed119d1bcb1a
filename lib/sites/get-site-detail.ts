import type { Db } from '../db/client';
import { getSiteById, getSiteSummary, listSiteStations, type SiteStation, type SiteStatusSummary } from '../db/queries/sites';
import type { Site } from '../db/schema';
import { notFound } from '../errors';

export type SiteDetail = Site & { summary: SiteStatusSummary; stations: SiteStation[] };

export async function getSiteDetail(db: Db, id: string): Promise<SiteDetail> {
  const site = await getSiteById(db, id);
  if (!site) throw notFound('Site not found');
  const [summary, stations] = await Promise.all([getSiteSummary(db, id), listSiteStations(db, id)]);
  return { ...site, summary, stations };
}
