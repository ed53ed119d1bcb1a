import { createBus } from '@/lib/bus/bus';
import { createCommandChannel } from '@/lib/bus/command-channel';
import { createCommandWaiter } from '@/lib/commands/command-waiter';
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
import { getAlertThresholds } from '@/lib/settings/get-settings';
import { reservationExpiryTask } from './scheduler/reservations-task';
import { localListSyncTask } from './scheduler/local-list-sync-task';
import { deadNodesTask } from './scheduler/dead-nodes-task';
import { firmwareCampaignsTask } from './scheduler/firmware-campaigns-task';
import { upsertServiceHeartbeat } from '@/lib/db/queries/service-heartbeats';
import { rollupsTask } from './scheduler/rollups-task';
import { loginAttemptsRetentionTask } from './scheduler/login-attempts-retention-task';
import { startScheduler } from './scheduler/scheduler';
import { subscriptionFeesTask } from './scheduler/subscription-fees-task';
import { monthlyInvoicesTask } from './scheduler/monthly-invoices-task';
import { reconcileTask } from './scheduler/reconcile-task';
import { lastSeenFlushTask, messageLogRetentionTask, offlineSweepTask, serviceHeartbeatTask } from './scheduler/tasks';
import { createOcppServer } from './server';
import { createLowBalanceGuard } from '@/lib/wallets/low-balance-guard';
import { sendCommand } from '@/lib/commands/send-command';
import { systemActor } from '@/lib/auth/roles';
import { onShutdownSignal } from './shutdown';

// Composition root: env → db → bus → server → listen → graceful shutdown. Migrations are the launcher's job.
const startedAt = new Date();
const config = ocppConfig(getEnv());
const log = (line: string) => console.log(line);
const onError = (error: unknown, where: string) => console.error(`[ocpp] ${where}:`, error);

const db = createDb(config.databaseUrl, { max: 10 });
// The node's heartbeat row has a connection of its own: under a flood of station traffic it must not
// queue behind the pool, or the other nodes would take this busy node for dead.
const livenessDb = createDb(config.databaseUrl, { max: 1 });
const bus = createBus(db.$client, { onError: (error) => onError(error, 'bus') });
const released = await releaseNodeStations(db, bus, { nodeId: config.nodeId, at: startedAt, reason: 'OCPP node restarted' });
if (released > 0) log(`OCPP server: ${released} stations left online by an earlier run of node ${config.nodeId} marked offline`);

// Beat before the first station can connect: a stale row from a killed earlier run would make the
// other nodes release the stations this run takes.
await upsertServiceHeartbeat(db, { serviceId: `ocpp:${config.nodeId}`, kind: 'ocpp', startedAt, at: new Date(), info: { connectedStations: 0 } });

const meterValues = createMeterValueWriter(db);
const messageLog = createMessageLogWriter(db, {
  onError: (error) => onError(error, 'message log'),
  // Once written, so the inspector that re-reads the log finds the frames.
  onLogged: (stationIds) => stationIds.forEach((stationId) => bus.publish({ kind: 'message.logged', stationId })),
});
const lastSeen = createLastSeenTracker(db);
const presence = createPresenceRecorder(db, config.nodeId);
const stationWrites = createStationWrites(db);
// This node also sends commands of its own (local list re-sync, low-balance stops): the web app's command path, from here.
const ownCommandChannel = createCommandChannel(db.$client, { onError: (error) => onError(error, 'command channel') });
const ownCommands = { db, channel: ownCommandChannel, waiter: createCommandWaiter(ownCommandChannel) };
const lowBalanceGuard = createLowBalanceGuard({
  db,
  now: () => new Date(),
  nodeDeadAfterMs: config.nodeDeadAfterMs,
  requestStop: ({ stationId, transactionId }) => sendCommand(ownCommands, systemActor, { stationId, action: 'RemoteStopTransaction', payload: { transactionId }, timeoutMs: 15_000 }),
});
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
    lowBalance: { observe: (transactionId) => void lowBalanceGuard.check(transactionId).catch((error: unknown) => onError(error, `low-balance check of transaction ${transactionId}`)) },
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
const localListSync = localListSyncTask(db, ownCommands, getEnv().LOCAL_LIST_SYNC_INTERVAL * 1000);
const port = await server.listen(config.host, config.port);
const scheduler = startScheduler(
  [
    serviceHeartbeatTask(livenessDb, { nodeId: config.nodeId, startedAt, port: () => port, registry: server.registry, everyMs: config.serviceHeartbeatMs, deadAfterMs: config.nodeDeadAfterMs, bus }),
    deadNodesTask(
      { db, bus, announce: commands.announce, requeue: commands.requeue, log, nodeId: config.nodeId },
      { staleAfterMs: config.nodeDeadAfterMs, everyMs: config.serviceHeartbeatMs },
    ),
    lastSeenFlushTask(lastSeen),
    offlineSweepTask(server.registry, { heartbeatIntervalS: config.heartbeatIntervalS, graceS: config.offlineGraceS }),
    messageLogRetentionTask(db, config.messageLog),
    loginAttemptsRetentionTask(db),
    alertsTask(db, bus, {
      everyMs: getEnv().ALERT_EVALUATION_INTERVAL * 1000,
      thresholds: () => getAlertThresholds(db),
    }),
    reservationExpiryTask(db, getEnv().RESERVATION_EXPIRY_INTERVAL * 1000),
    ...(getEnv().LOCAL_LIST_SYNC_INTERVAL > 0 ? [localListSync] : []),
    rollupsTask(db, { everyMs: getEnv().ANALYTICS_ROLLUP_INTERVAL * 1000, log }),
    subscriptionFeesTask(db),
    monthlyInvoicesTask(db),
    ...(getEnv().RECONCILE_INTERVAL > 0
      ? [
          reconcileTask(db, bus, {
            everyMs: getEnv().RECONCILE_INTERVAL * 1000,
            graceMs: getEnv().RECONCILE_GRACE_SECONDS * 1000,
            offlineMs: getEnv().RECONCILE_OFFLINE_HOURS * 3_600_000,
            maxSessionMs: getEnv().RECONCILE_MAX_SESSION_HOURS * 3_600_000,
            limit: 100,
          }),
        ]
      : []),
    commands.task,
    firmwareCampaignsTask({ db, bus, requeue: commands.requeue }, { nodeDeadAfterMs: config.nodeDeadAfterMs }),
  ],
  onError,
);
log(`OCPP server listening on ${config.scheme}://${config.host}:${port}/ocpp`);

onShutdownSignal(
  async () => {
    localListSync.stop();
    const unfinished = await scheduler.stop(2000);
    if (unfinished.length > 0) log(`OCPP server: stopping with tasks still running (${unfinished.join(', ')}); their transactions roll back`);
    await server.close(2000);
    await commands.stop();
    await ownCommandChannel.close();
    const [, , , unlogged] = await Promise.all([meterValues.drain(), stationWrites.drain(), presence.drain(), messageLog.drain(2000), lastSeen.flush()]);
    if (unlogged > 0) log(`OCPP server: ${unlogged} message log rows were still queued at shutdown and are not written`);
    // 1001 "going away" (RFC 6455 §7.4.1): what every socket was closed with.
    await releaseNodeStations(db, bus, { nodeId: config.nodeId, at: new Date(), reason: 'OCPP server shut down', closeCode: 1001 });
    await bus.close();
    await Promise.all([db.$client.end({ timeout: 2 }), livenessDb.$client.end({ timeout: 2 })]);
    log('OCPP server stopped');
  },
  { limitMs: 8000, log },
);
