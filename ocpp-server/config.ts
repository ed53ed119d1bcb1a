import os from 'node:os';
import type { Env } from '@/lib/env';

/** The OCPP server's settings, derived from the parsed env (lib/env.ts is the only reader of the environment). */
export function ocppConfig(env: Env) {
  if (Boolean(env.OCPP_TLS_CERT) !== Boolean(env.OCPP_TLS_KEY)) {
    throw new Error('Invalid configuration:\n  - OCPP_TLS_CERT and OCPP_TLS_KEY must be set together');
  }
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set: start the OCPP server with `npm start`, which provides it.');
  const tls = env.OCPP_TLS_CERT && env.OCPP_TLS_KEY ? { certFile: env.OCPP_TLS_CERT, keyFile: env.OCPP_TLS_KEY } : undefined;
  return {
    databaseUrl: env.DATABASE_URL,
    host: env.HOST,
    port: env.OCPP_PORT,
    nodeId: env.OCPP_NODE_ID ?? os.hostname(),
    tls,
    scheme: tls ? 'wss' : 'ws',
    unknownStations: env.OCPP_UNKNOWN_STATIONS,
    heartbeatIntervalS: env.OCPP_HEARTBEAT_INTERVAL,
    // OCPP 1.6 §4.2: a Pending/Rejected station boots again after `interval`; keep it short so an accept lands soon.
    bootRetryIntervalS: Math.min(60, env.OCPP_HEARTBEAT_INTERVAL),
    offlineGraceS: env.OCPP_OFFLINE_GRACE,
    // Another node whose heartbeat row is older than this is dead; beats come a third of it apart (at most 5 s).
    nodeDeadAfterMs: env.OCPP_NODE_DEAD_AFTER * 1000,
    serviceHeartbeatMs: Math.min(5000, Math.floor((env.OCPP_NODE_DEAD_AFTER * 1000) / 3)),
    rpc: {
      maxFrameBytes: env.OCPP_MAX_FRAME_BYTES,
      callTimeoutMs: env.OCPP_CALL_TIMEOUT * 1000,
      pingIntervalMs: env.OCPP_PING_INTERVAL * 1000,
    },
    messageLog: { retentionHours: env.OCPP_MESSAGE_LOG_RETENTION_HOURS, maxRows: env.OCPP_MESSAGE_LOG_MAX_ROWS },
  };
}
export type OcppConfig = ReturnType<typeof ocppConfig>;
