import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { childProcessEnv } from '../lib/env';
import { createDb } from '../lib/db/client';
import { upsertIdTag } from '../lib/db/queries/id-tags';
import { freePort } from '../tests/support/free-port';
import { startBenchDatabase } from './lib/database';
import { measureInsertRates } from './lib/insert-rates';
import { call, closeStations, connectStations, runLoad, type LoadStation } from './lib/load';
import { cpuBetween, cpuSnapshot } from './lib/cpu';
import { openFileLimit, rssBytes, spawnNode, stopProcess } from './lib/processes';
import { printLiveTable, printTable } from './lib/report';
import { runB4 } from './b4-commands';
import { runLiveBench } from './live';

// `npm run bench`: calibration baseline, B1 boot storm, B2 steady MeterValues load, B4 command round
// trip; `npm run bench -- commands` runs B4 alone. Loopback only, bounded in count and time. Prints a
// table and writes bench/results.json.
// The full run ends with B3 (StatusNotification → SSE client latency) and the stations page in Chromium,
// which `npm run bench -- live` runs alone (`--no-live` leaves them out).
// `npm run bench -- analytics [--scale 0.05]`: B5, the analytics rollups and reports (bench/b5-analytics.ts).
if (process.argv[2] === 'analytics') {
  const { runAnalyticsBench } = await import('./b5-analytics');
  await runAnalyticsBench(process.argv.slice(3));
  process.exit(0);
}
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    /** B4: connected stations, commands timed, commands in flight. */
    'b4-stations': { type: 'string', default: '1000' },
    'b4-commands': { type: 'string', default: '2000' },
    'b4-concurrency': { type: 'string', default: '1' },
    /** Default 10,000 (B1/B2) or 1,000 (live: B3). */
    stations: { type: 'string' },
    /** Full run: stations of B3 after B1/B2/B4 (`npm run bench -- live` takes --stations). */
    'live-stations': { type: 'string', default: '1000' },
    /** Full run: leave out B3 and the stations page. */
    'no-live': { type: 'boolean', default: false },
    /** live: stations seeded for the stations-page measurement. */
    'render-stations': { type: 'string', default: '10000' },
    /** live: StatusNotifications per second, all stations together. */
    'status-rate': { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '15' },
    /** B2: seconds of MeterValues at the target rate before the measured window (not counted). */
    'warm-up': { type: 'string', default: '5' },
    rate: { type: 'string', default: '3000' },
    samples: { type: 'string', default: '4' },
    /** Skip the calibration baseline (when profiling the server). */
    'no-baseline': { type: 'boolean', default: false },
    /** Write a V8 CPU profile of the OCPP server into this directory. */
    'profile-server': { type: 'string' },
    /** Print the statements PostgreSQL spent B2's time on (pg_stat_statements). */
    'pg-stats': { type: 'boolean', default: false },
  },
});
const only = positionals[0];
if (only !== undefined && only !== 'commands' && only !== 'live') {
  console.error(
    `Unknown benchmark "${only}": run all with \`npm run bench\`, B4 alone with \`npm run bench -- commands\`, or B3 and the stations page with \`npm run bench -- live\`.`,
  );
  process.exit(1);
}
const live = only === 'live';
const stationCount = only === 'commands' ? Number(values['b4-stations']) : Number(values.stations ?? (live ? 1000 : 10000));
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const samplesPerMessage = Number(values.samples);

const fileLimit = openFileLimit();
if (fileLimit < stationCount + 500) {
  console.error(`Open-file limit ${fileLimit} is too low for ${stationCount} stations: run \`ulimit -n ${stationCount * 2 + 1000}\` first (or pass --stations).`);
  process.exit(1);
}

if (live) {
  printLiveTable(await liveBenchmark(stationCount));
  process.exit(0);
}

const ids = Array.from({ length: stationCount }, (_, i) => `BENCH-${String(i).padStart(5, '0')}`);
// Samples are stamped from a minute before the run, as a station with a synchronised clock does: a
// fixed date months back would make the rollup refresh recompute every hour since then, mid-run.
const clock = Date.now() - 60_000;
const meterValues = (station: LoadStation & { tx?: number }) => ({
  connectorId: 1,
  ...(station.tx ? { transactionId: station.tx } : {}),
  meterValue: [
    {
      // A distinct timestamp per message: equal ones would be (rightly) dropped as duplicates.
      timestamp: new Date(clock + station.seq * 1000).toISOString(),
      sampledValue: [
        { value: String(station.seq * 10), unit: 'Wh', measurand: 'Energy.Active.Import.Register' },
        { value: '7.4', unit: 'kW', measurand: 'Power.Active.Import' },
        { value: '32.1', unit: 'A', measurand: 'Current.Import', phase: 'L1' },
        { value: '54', unit: 'Percent', measurand: 'SoC', location: 'EV' },
      ].slice(0, samplesPerMessage),
    },
  ],
});

console.log(`Bench on ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${stationCount} stations, Node ${process.version}`);
const database = await startBenchDatabase(values['pg-stats'] ? { settings: ['shared_preload_libraries=pg_stat_statements', 'pg_stat_statements.track=all'] } : {});
const db = createDb(database.url, { max: 4 });
if (values['pg-stats']) await db.execute(sql`create extension if not exists pg_stat_statements`);
await upsertIdTag(db, { idTag: 'BENCH', maxConcurrentTx: null });
// Ctrl-C or `timeout`: the child processes notice (exit-with-parent); the database is stopped here.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void database.stop().finally(() => process.exit(130)));
// Other work on the machine skews every figure: the load average before and after says how much.
const results: Record<string, unknown> = { at: new Date().toISOString(), cpus: os.cpus().length, loadAverageBefore: os.loadavg()[0], stations: stationCount, samplesPerMessage };

try {
  if (only !== 'commands') await meterBenchmarks();
  results.b4 = await commandBenchmark();
} finally {
  await db.$client.end();
  await database.stop();
}

results.loadAverageAfter = os.loadavg()[0];
// The live (B3) and analytics (B5) runs keep their own keys in the same file.
const resultsFile = path.join(import.meta.dirname, 'results.json');
const kept = fs.existsSync(resultsFile) ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Record<string, unknown>) : {};
fs.writeFileSync(resultsFile, `${JSON.stringify({ live: kept.live, b5: kept.b5, ...results }, null, 2)}\n`);
printTable(results);
if (only === undefined && !values['no-live']) printLiveTable(await liveBenchmark(Number(values['live-stations'])));
process.exit(0);

/** B3 and the stations page in Chromium, on the whole system started as `npm start` does; kept under `live` in results.json. */
async function liveBenchmark(stations: number) {
  console.log(`B3: status changes of ${stations} stations → SSE client; then the stations page in Chromium…`);
  const liveResults = {
    at: new Date().toISOString(),
    cpus: os.cpus().length,
    loadAverageBefore: os.loadavg()[0],
    ...(await runLiveBench({ stations, renderStations: Number(values['render-stations']), seconds: Number(values.seconds), statusRate: Number(values['status-rate']) })),
    loadAverageAfter: os.loadavg()[0],
  };
  const file = path.join(import.meta.dirname, 'results.json');
  const previous = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  fs.writeFileSync(file, `${JSON.stringify({ ...previous, live: liveResults }, null, 2)}\n`);
  return liveResults;
}

/** B4 on a fresh OCPP server: the command round trip with `--b4-stations` connected, and the offline answer. */
async function commandBenchmark() {
  console.log(`B4: command round trip with ${values['b4-stations']} connected stations…`);
  const port = await freePort();
  const env = childProcessEnv({ DATABASE_URL: database.url, HOST: '127.0.0.1', OCPP_PORT: String(port), OCPP_NODE_ID: 'bench-b4', OCPP_HEARTBEAT_INTERVAL: '3600', OCPP_UNKNOWN_STATIONS: 'accept' });
  const server = await spawnNode('ocpp-server/main.ts', [], env, /OCPP server listening/);
  try {
    return await runB4({
      databaseUrl: database.url,
      ocppUrl: `ws://127.0.0.1:${port}/ocpp`,
      stationCount: Number(values['b4-stations']),
      commands: Number(values['b4-commands']),
      concurrency: Number(values['b4-concurrency']),
    });
  } finally {
    await stopProcess(server);
  }
}

/** Calibration baseline, B1 and B2. */
async function meterBenchmarks() {
  // Calibration: PostgreSQL insert rates and a bare ws echo server under the same client.
  if (!values['no-baseline']) {
    console.log('baseline: insert rates…');
    results.inserts = await measureInsertRates(db, await seedStation(db));
    console.log('baseline: bare ws echo…');
    const echoPort = await freePort();
    const echo = await spawnNode('bench/echo-server.ts', [String(echoPort)], childProcessEnv({}), /echo listening/);
    const echoStations = await connectStations(`ws://127.0.0.1:${echoPort}/ocpp`, ids, { concurrency: 200 });
    results.echo = await runLoad(echoStations, { action: 'MeterValues', payload: meterValues, seconds, ratePerSecond: 0 });
    await closeStations(echoStations);
    await stopProcess(echo);
  }

  // The OCPP server, as the launcher runs it.
  const port = await freePort();
  const server = await spawnNode(
    'ocpp-server/main.ts',
    [],
    childProcessEnv({ DATABASE_URL: database.url, HOST: '127.0.0.1', OCPP_PORT: String(port), OCPP_NODE_ID: 'bench', OCPP_HEARTBEAT_INTERVAL: '3600', OCPP_UNKNOWN_STATIONS: 'accept' }),
    /OCPP server listening/,
    values['profile-server'] ? ['--cpu-prof', `--cpu-prof-dir=${values['profile-server']}`] : [],
  );
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idleRss = rssBytes(server.pid!);
  const cpu = () => cpuSnapshot({ serverPid: server.pid, postgresPid: database.pg.pid });
  const cpuB1 = cpu();

  console.log(`B1: boot storm of ${stationCount} stations…`);
  const b1Start = performance.now();
  const stations = await connectStations(`ws://127.0.0.1:${port}/ocpp`, ids, {
    concurrency: 500,
    async onConnected(station) {
      await call(station, 'BootNotification', { chargePointVendor: 'Bench', chargePointModel: 'B1' });
      await call(station, 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });
    },
  });
  const b1Seconds = (performance.now() - b1Start) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const loadedRss = rssBytes(server.pid!);
  results.b1 = { seconds: b1Seconds, cpuSeconds: cpuBetween(cpuB1, cpu()), idleRssMiB: idleRss / 2 ** 20, rssMiB: loadedRss / 2 ** 20, bytesPerConnection: (loadedRss - idleRss) / stationCount };

  console.log('B2: one transaction per station (StartTransaction, StatusNotification Charging), then MeterValues…');
  await Promise.all(stations.map(async (station) => {
    const { reply } = await call(station, 'StartTransaction', { connectorId: 1, idTag: 'BENCH', meterStart: 0, timestamp: new Date(clock).toISOString() });
    (station as LoadStation & { tx?: number }).tx = (reply[2] as { transactionId: number }).transactionId;
    // As a real station does: without it the connector stays Available, and reconciliation rightly closes the session.
    await call(station, 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging' });
  }));
  // Steady state, as B2 asks: a few seconds at the target rate first (not counted) warm the MeterValues
  // path up (V8 compiles it, caches fill, autovacuum takes its first look at the growing tables).
  await runLoad(stations, { action: 'MeterValues', payload: meterValues, seconds: Number(values['warm-up']), ratePerSecond: rate });
  const before = await countSamples(db);
  await settle(cpu); // let the server write out the boot storm's message log before measuring latency
  if (values['pg-stats']) await db.execute(sql`select pg_stat_statements_reset(), pg_stat_reset_shared('wal'), pg_stat_reset_shared('checkpointer')`);
  const cpuRate = cpu();
  const rateFrom = new Date();
  const atRate = { ...(await runLoad(stations, { action: 'MeterValues', payload: meterValues, seconds, ratePerSecond: rate })), cpuSeconds: {} };
  atRate.cpuSeconds = cpuBetween(cpuRate, cpu());
  const rateTo = new Date();
  await settle(cpu);
  const cpuSaturated = cpu();
  const saturated = { ...(await runLoad(stations, { action: 'MeterValues', payload: meterValues, seconds, ratePerSecond: 0 })), cpuSeconds: cpuBetween(cpuSaturated, cpu()) };
  const persisted = (await countSamples(db)) - before;
  const expected = (atRate.messages + saturated.messages) * samplesPerMessage;
  const echoRate = (results.echo as { perSecond: number } | undefined)?.perSecond ?? NaN;
  if (values['pg-stats']) await printStatementStats(db);
  results.b2 = {
    atRate, saturated, persistedSamples: persisted, expectedSamples: expected, ratioToBaseline: saturated.perSecond / echoRate,
    serverSideAtRate: await serverLatency(db, rateFrom, rateTo), slowestSecondsAtRate: await slowestSeconds(db, rateFrom, rateTo),
  };

  // SIGTERM with every station still connected: sockets closed, stations marked offline, exit.
  await settle(cpu);
  const stopStart = performance.now();
  results.shutdownExitCode = await stopProcess(server);
  results.shutdownSeconds = (performance.now() - stopStart) / 1000;
  await closeStations(stations);
}

/** The statements of B2 by total execution time: where PostgreSQL's share of the CPU goes. */
async function printStatementStats(db: ReturnType<typeof createDb>) {
  const rows = await db.execute<{ calls: number; total_ms: number; mean_ms: number; rows: number; query: string }>(sql`
    select calls::int, round(total_exec_time)::int as total_ms, round(mean_exec_time::numeric, 3)::float as mean_ms, rows::int,
           regexp_replace(query, '[[:space:]]+', ' ', 'g') as query
    from pg_stat_statements order by total_exec_time desc limit 20`);
  const [io] = await db.execute<{ wal_mb: number; fpi: number; checkpoints: number; requested: number }>(sql`
    select round(w.wal_bytes / 1048576)::int as wal_mb, w.wal_fpi::int as fpi, (c.num_timed + c.num_requested)::int as checkpoints, c.num_requested::int as requested
    from pg_stat_wal w, pg_stat_checkpointer c`);
  if (io) console.log(`\nB2 WAL: ${io.wal_mb} MiB, ${io.fpi} full-page images; checkpoints ${io.checkpoints} (${io.requested} forced by WAL volume)`);
  console.log('\nB2 statements by total time (pg_stat_statements):');
  for (const row of rows) console.log(`${String(row.total_ms).padStart(8)} ms ${String(row.calls).padStart(8)} calls ${String(row.mean_ms).padStart(8)} ms/call ${String(row.rows).padStart(8)} rows  ${row.query.slice(0, 160)}`);
}

/** Waits until the server and PostgreSQL have been (nearly) idle for a second: backlog written. */
async function settle(cpu: () => ReturnType<typeof cpuSnapshot>) {
  for (let i = 0; i < 30; i++) {
    const before = cpu();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = cpu();
    if (after.server - before.server < 0.05 && after.postgres - before.postgres < 0.1) return;
  }
}

async function seedStation(db: ReturnType<typeof createDb>): Promise<string> {
  await db.execute(sql`insert into stations (id) values ('BENCH-INSERTS') on conflict do nothing`);
  return 'BENCH-INSERTS';
}

async function countSamples(db: ReturnType<typeof createDb>): Promise<number> {
  const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from meter_values where station_id like 'BENCH-0%'`);
  return row?.n ?? 0;
}

/** The seconds of the window with the slowest answers: where the p99 comes from (steady, or stalls). */
async function slowestSeconds(db: ReturnType<typeof createDb>, from: Date, to: Date) {
  return db.execute<{ second: string; n: number; p50: number; max: number }>(sql`
    select to_char(date_trunc('second', at), 'HH24:MI:SS') as second, count(*)::int as n,
           percentile_cont(0.5) within group (order by latency_ms) as p50, max(latency_ms) as max
    from ocpp_message_log where action = 'MeterValues' and direction = 'out' and latency_ms is not null
      and at between ${from.toISOString()}::timestamptz and ${to.toISOString()}::timestamptz
    group by 1 order by max(latency_ms) desc limit 5`);
}

/** CALL received → CALLRESULT sent, as the server measured it (message log), for MeterValues in a time window. */
async function serverLatency(db: ReturnType<typeof createDb>, from: Date, to: Date) {
  const [row] = await db.execute<{ p50: number; p99: number; n: number }>(sql`
    select percentile_cont(0.5) within group (order by latency_ms) as p50,
           percentile_cont(0.99) within group (order by latency_ms) as p99, count(*)::int as n
    from ocpp_message_log where action = 'MeterValues' and direction = 'out' and latency_ms is not null
      and at between ${from.toISOString()}::timestamptz and ${to.toISOString()}::timestamptz`);
  return row;
}
