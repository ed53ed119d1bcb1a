import type { Db } from '../db/client';
import { getFleetCounts, type FleetCounts } from '../db/queries/fleet-counts';
import { listLiveSessions } from '../db/queries/live-sessions';
import { sumEnergyTodayBySite, type SiteEnergyToday } from '../db/queries/site-day-totals';
import { attachCosts, type LiveSessionWithCost } from './attach-costs';
import { getRevenueToday, type Revenue } from './revenue-today';

export interface Overview extends FleetCounts {
  powerW: number;
  /** Sum over the sites of the energy since each site's local midnight (UTC for stations without a site). */
  energyTodayWh: number;
  energyTodayBySite: SiteEnergyToday[];
  /** Per currency, minor units: sessions stopped today (local midnight) plus running ones so far. */
  revenueToday: Revenue[];
  liveSessions: LiveSessionWithCost[];
  at: string;
}

export async function getOverview(db: Db, now: Date = new Date()): Promise<Overview> {
  const [counts, sessions, energyTodayBySite] = await Promise.all([getFleetCounts(db), listLiveSessions(db), sumEnergyTodayBySite(db, now)]);
  const liveSessions = await attachCosts(db, sessions, now);
  const powerW = liveSessions.reduce((sum, session) => sum + (session.powerW ?? 0), 0);
  const revenueToday = await getRevenueToday(db, now, liveSessions);
  const energyTodayWh = energyTodayBySite.reduce((sum, site) => sum + site.energyWh, 0);
  return { ...counts, powerW, energyTodayWh, energyTodayBySite, revenueToday, liveSessions, at: now.toISOString() };
}
