import { createBus } from '@/lib/bus/bus';
import { createDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { createMessageLogWriter } from '@/lib/message-log/message-log-writer';
import { createMeterValueWriter } from '@/lib/meter-values/meter-value-writer';
import { createTransactionLookup } from '@/lib/meter-values/transaction-lookup';
import { createLastSeenTracker } from '@/lib/stations/last-seen-tracker';
import { createStationPasswordVerifier } from '@/lib/stations/password-verifier';
import { createPresenceRecorder } from '@/lib/stations/presence-recorder';
import { createStationDirectory } from '@/lib/stations/station-directory';
import { createStationWrites } from '@/lib/stations/station-writes';
import { createUnknownStationPolicy } from '@/lib/stations/unknown-station-policy';
import { ocppConfig } from './config';
import { startCommandService } from './commands/command-service';
import { builtInDataTransferVendors } from './handlers/v16/data-transfer-vendors';
import { releaseNodeStations } from './recover-node';
import { alertsTask } from './scheduler/alerts-task';
import { defaultAlertThresholds } from '@/lib/alerts/alert-rules';
import { startScheduler } from './scheduler/scheduler';
import { subscriptionFeesTask } from './scheduler/subscription-fees-task';
import { lastSeenFlushTask, messageLogRetentionTask, offlineSweepTask, serviceHeartbeatTask } from './scheduler/tasks';
import { createOcppServer } from './server';
import { onShutdownSignal } from './shutdown';

// Composition root: env → db → bus → server → listen → graceful shutdown. Migrations are the launcher's job.
const startedAt = new Date();
const config = ocppConfig(getEnv());
const log = (line: string) => console.log(line);
const onError = (error: unknown, where: string) => console.error(`[ocpp] ${where}:`, error);

const db = createDb(config.databaseUrl, { max: 10 });
const bus = createBus(db.$client, { onError: (error) => onError(error, 'bus') });
const released = await releaseNodeStations(db, bus, { nodeId: config.nodeId, at: startedAt, reason: 'OCPP node restarted' });
if (released > 0) log(`OCPP server: ${released} stations left online by an earlier run of node ${config.nodeId} marked offline`);

const meterValues = createMeterValueWriter(db);
const messageLog = createMessageLogWriter(db, { onError: (error) => onError(error, 'message log') });
const lastSeen = createLastSeenTracker(db);
const presence = createPresenceRecorder(db, config.nodeId);
const stationWrites = createStationWrites(db);
const server = createOcppServer({
  services: {
    db,
    bus,
    now: () => new Date(),
    meterValues,
    stationWrites,
    transactions: createTransactionLookup(db),
    dataTransferVendors: builtInDataTransferVendors,
    config: { heartbeatIntervalS: config.heartbeatIntervalS, bootRetryIntervalS: config.bootRetryIntervalS },
  },
  presence,
  messageLog,
  lastSeen,
  directory: createStationDirectory(db, createUnknownStationPolicy(db, { fallback: config.unknownStations })),
  verifier: createStationPasswordVerifier(),
  rpc: config.rpc,
  tls: config.tls,
  log,
  onError,
});

const commands = await startCommandService({ db, bus, registry: server.registry, nodeId: config.nodeId, onError });
const port = await server.listen(config.host, config.port);
const scheduler = startScheduler(
  [
    serviceHeartbeatTask(db, { nodeId: config.nodeId, startedAt, port: () => port, registry: server.registry }),
    lastSeenFlushTask(lastSeen),
    offlineSweepTask(server.registry, { heartbeatIntervalS: config.heartbeatIntervalS, graceS: config.offlineGraceS }),
    messageLogRetentionTask(db, config.messageLog),
    alertsTask(db, bus, {
      everyMs: getEnv().ALERT_EVALUATION_INTERVAL * 1000,
      thresholds: { ...defaultAlertThresholds, offlineAfterMinutes: getEnv().ALERT_OFFLINE_MINUTES },
    }),
    subscriptionFeesTask(db),
    commands.task,
  ],
  onError,
);
log(`OCPP server listening on ${config.scheme}://${config.host}:${port}/ocpp`);

onShutdownSignal(
  async () => {
    await scheduler.stop();
    await server.close(2000);
    await commands.stop();
    const [, , , unlogged] = await Promise.all([meterValues.drain(), stationWrites.drain(), presence.drain(), messageLog.drain(2000), lastSeen.flush()]);
    if (unlogged > 0) log(`OCPP server: ${unlogged} message log rows were still queued at shutdown and are not written`);
    // 1001 "going away" (RFC 6455 §7.4.1): what every socket was closed with.
    await releaseNodeStations(db, bus, { nodeId: config.nodeId, at: new Date(), reason: 'OCPP server shut down', closeCode: 1001 });
    await bus.close();
    await db.$client.end({ timeout: 2 });
    log('OCPP server stopped');
  },
  { limitMs: 8000, log },
);
