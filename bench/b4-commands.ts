import { parseArgs } from 'node:util';
import { createCommandChannel } from '../lib/bus/command-channel';
import { systemActor } from '../lib/auth/roles';
import { createCommandWaiter } from '../lib/commands/command-waiter';
import { sendCommand, type CommandDeps } from '../lib/commands/send-command';
import { createDb, type DbClient } from '../lib/db/client';
import { insertMissingStations } from '../lib/db/queries/stations';
import { childProcessEnv } from '../lib/env';
import { freePort } from '../tests/support/free-port';
import { closeSockets, connectAnsweringStations } from './lib/answering-stations';
import { startBenchDatabase } from './lib/database';
import { spawnNode, stopProcess } from './lib/processes';

export interface B4Result {
  stations: number;
  roundTrip: { commands: number; concurrency: number; p50Ms: number; p99Ms: number; maxMs: number; failures: number };
  offline: { commands: number; p50Ms: number; p99Ms: number; maxMs: number };
}

/**
 * B4: command round trip through the command path the REST route runs (lib/commands: validate,
 * insert, NOTIFY, OCPP server claims and sends the CALL, station answers, NOTIFY back, read), with
 * `stationCount` connected stations, `concurrency` commands in flight; then the offline-station
 * answer (a registered station that is not connected). Targets: p99 < 50 ms; offline < 100 ms.
 */
export async function runB4(input: { databaseUrl: string; ocppUrl: string; stationCount: number; commands: number; concurrency: number }): Promise<B4Result> {
  const db = createDb(input.databaseUrl, { max: Math.max(4, input.concurrency) });
  const channel = createCommandChannel(db.$client);
  const deps: CommandDeps = { db, channel, waiter: createCommandWaiter(channel) };
  const ids = Array.from({ length: input.stationCount }, (_, i) => `B4-${String(i).padStart(5, '0')}`);
  const sockets = await connectAnsweringStations(input.ocppUrl, ids);
  try {
    await waitAllOnline(db, input.stationCount);
    const reset = (stationId: string) => sendCommand(deps, systemActor, { stationId, action: 'Reset', payload: { type: 'Soft' }, timeoutMs: 10_000 });
    for (const id of ids.slice(0, 50)) await reset(id); // warm-up: JIT, pools, prepared statements
    let failures = 0;
    const roundTrips = await timed(input.commands, input.concurrency, async (n) => {
      if ((await reset(ids[n % ids.length]!)).state !== 'completed') failures++;
    });
    await insertMissingStations(db, [{ id: 'B4-OFFLINE', registrationStatus: 'accepted' }]);
    const offline = await timed(Math.min(500, input.commands), 1, async () => void (await reset('B4-OFFLINE')));
    return {
      stations: input.stationCount,
      roundTrip: { commands: input.commands, concurrency: input.concurrency, ...stats(roundTrips), failures },
      offline: { commands: offline.length, ...stats(offline) },
    };
  } finally {
    await closeSockets(sockets);
    await channel.close();
    await db.$client.end();
  }
}

async function timed(count: number, concurrency: number, run: (n: number) => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      const started = performance.now();
      await run(n);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies.sort((a, b) => a - b);
}

function stats(sorted: number[]) {
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50Ms: at(0.5), p99Ms: at(0.99), maxMs: sorted.at(-1) ?? NaN };
}

async function waitAllOnline(db: DbClient, count: number) {
  for (let i = 0; i < 600; i++) {
    const [row] = await db.$client<{ n: number }[]>`select count(*)::int as n from stations where online and id like 'B4-%'`;
    if ((row?.n ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('B4: stations did not all come online');
}

// Standalone: `node --import tsx bench/b4-commands.ts --stations 1000 --commands 2000 --concurrency 10`
if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { stations: { type: 'string', default: '1000' }, commands: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '10' } } });
  const database = await startBenchDatabase();
  const port = await freePort();
  const env = childProcessEnv({ DATABASE_URL: database.url, HOST: '127.0.0.1', OCPP_PORT: String(port), OCPP_NODE_ID: 'bench-b4', OCPP_HEARTBEAT_INTERVAL: '3600' });
  const server = await spawnNode('ocpp-server/main.ts', [], env, /OCPP server listening/);
  try {
    const result = await runB4({ databaseUrl: database.url, ocppUrl: `ws://127.0.0.1:${port}/ocpp`, stationCount: Number(values.stations), commands: Number(values.commands), concurrency: Number(values.concurrency) });
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await stopProcess(server);
    await database.stop();
  }
  process.exit(0);
}
