import type { Db } from '../db/client';
import { getFleetCounts, type FleetCounts } from '../db/queries/fleet-counts';
import { listLiveSessions } from '../db/queries/live-sessions';
import { attachCosts, type LiveSessionWithCost } from './attach-costs';

export interface Overview extends FleetCounts {
  powerW: number;
  liveSessions: LiveSessionWithCost[];
  at: string;
}

/** Start of today in UTC; per-site time zones come with sites. */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export async function getOverview(db: Db, now: Date = new Date()): Promise<Overview> {
  const [counts, sessions] = await Promise.all([getFleetCounts(db, startOfUtcDay(now)), listLiveSessions(db)]);
  const liveSessions = await attachCosts(db, sessions, now);
  const powerW = liveSessions.reduce((sum, session) => sum + (session.powerW ?? 0), 0);
  return { ...counts, powerW, liveSessions, at: now.toISOString() };
}
