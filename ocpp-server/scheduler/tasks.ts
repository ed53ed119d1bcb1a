import type { Db } from '@/lib/db/client';
import { pruneMessageLog } from '@/lib/db/queries/message-log';
import type { Bus } from '@/lib/bus/bus';
import { upsertServiceHeartbeat } from '@/lib/db/queries/service-heartbeats';
import { reclaimNodeStations } from '@/lib/db/queries/stations';
import type { LastSeenTracker } from '@/lib/stations/last-seen-tracker';
import { terminate, type ConnectionRegistry } from '../transport/connection-registry';
import type { ScheduledTask } from './scheduler';

/**
 * Liveness of this process for GET /api/health and for the other nodes (a node whose row stops
 * moving is taken as dead and its stations are released). A node that was only stalled (a long
 * pause, a database outage) finds its live sockets' stations marked offline: it takes them back.
 */
export function serviceHeartbeatTask(db: Db, input: { nodeId: string; startedAt: Date; port: () => number; registry: ConnectionRegistry; everyMs: number; deadAfterMs: number; bus: Bus }): ScheduledTask {
  let lastBeat: number | undefined;
  return {
    name: 'service heartbeat',
    everyMs: input.everyMs,
    immediate: true,
    async run() {
      const now = Date.now();
      await upsertServiceHeartbeat(db, {
        serviceId: `ocpp:${input.nodeId}`,
        kind: 'ocpp',
        startedAt: input.startedAt,
        at: new Date(now),
        info: { connectedStations: input.registry.size, port: input.port() },
      });
      // Only after a gap long enough for another node to have judged this one dead.
      const stalled = lastBeat !== undefined && now - lastBeat >= input.deadAfterMs;
      lastBeat = now;
      if (!stalled) return;
      const held = [...input.registry.all()].map((connection) => connection.session.stationId);
      for (const stationId of await reclaimNodeStations(db, { nodeId: input.nodeId, stationIds: held })) input.bus.publish({ kind: 'station.connected', stationId });
    },
  };
}

export function lastSeenFlushTask(lastSeen: LastSeenTracker): ScheduledTask {
  return { name: 'last seen', everyMs: 5000, run: () => lastSeen.flush() };
}

/**
 * A station is offline when nothing (no frame, no pong) was heard for heartbeat interval × 2 + grace:
 * its socket is destroyed, which records the disconnect like any other close.
 */
export function offlineSweepTask(registry: ConnectionRegistry, input: { heartbeatIntervalS: number; graceS: number }): ScheduledTask {
  const silenceMs = (input.heartbeatIntervalS * 2 + input.graceS) * 1000;
  return {
    name: 'offline sweep',
    everyMs: Math.min(5000, Math.max(250, Math.floor(silenceMs / 4))),
    async run() {
      const deadline = Date.now() - silenceMs;
      for (const connection of registry.all()) if (connection.lastHeardAt < deadline) terminate(connection);
    },
  };
}

/** Bounded retention of the message log: by age and by row count, in chunks. */
export function messageLogRetentionTask(db: Db, input: { retentionHours: number; maxRows: number }): ScheduledTask {
  return {
    name: 'message log retention',
    everyMs: 60_000,
    async run() {
      const before = new Date(Date.now() - input.retentionHours * 3_600_000);
      for (let i = 0; i < 20 && (await pruneMessageLog(db, { before, maxRows: input.maxRows })) > 0; i++);
    },
  };
}
