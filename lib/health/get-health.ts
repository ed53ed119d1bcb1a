import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { listServiceHeartbeats } from '../db/queries/service-heartbeats';

/** An OCPP node beats every 5 s; three missed beats means it is down. */
export const OCPP_STALE_AFTER_MS = 15_000;

export interface Health {
  status: 'ok' | 'degraded' | 'down';
  database: { ok: boolean; latencyMs?: number; error?: string };
  ocpp: { ok: boolean; nodes: { id: string; lastBeatAt: string; alive: boolean; info: unknown }[] };
}

/** Liveness from the database only: the web app never calls the OCPP server directly. */
export async function getHealth(db: Db, now: Date = new Date()): Promise<Health> {
  const started = performance.now();
  try {
    await db.execute(sql`select 1`);
  } catch (error) {
    return { status: 'down', database: { ok: false, error: (error as Error).message }, ocpp: { ok: false, nodes: [] } };
  }
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  const nodes = (await listServiceHeartbeats(db))
    .filter((beat) => beat.kind === 'ocpp')
    .map((beat) => ({
      id: beat.serviceId,
      lastBeatAt: beat.beatAt.toISOString(),
      alive: now.getTime() - beat.beatAt.getTime() < OCPP_STALE_AFTER_MS,
      info: beat.info,
    }));
  const ocppOk = nodes.some((node) => node.alive);
  return { status: ocppOk ? 'ok' : 'degraded', database: { ok: true, latencyMs }, ocpp: { ok: ocppOk, nodes } };
}
