import type { Db } from '../db/client';
import { getFleetCounts, type FleetCounts } from '../db/queries/fleet-counts';
import { listLiveSessions, type LiveSession } from '../db/queries/live-sessions';

export interface Overview extends FleetCounts {
  powerW: number;
  liveSessions: LiveSession[];
  at: string;
}

/** Start of today in UTC; per-site time zones come with sites. */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export async function getOverview(db: Db, now: Date = new Date()): Promise<Overview> {
  const [counts, liveSessions] = await Promise.all([getFleetCounts(db, startOfUtcDay(now)), listLiveSessions(db)]);
  const powerW = liveSessions.reduce((sum, session) => sum + (session.powerW ?? 0), 0);
  return { ...counts, powerW, liveSessions, at: now.toISOString() };
}
