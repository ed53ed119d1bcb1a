import { setTimeout as sleep } from 'node:timers/promises';
import { runConnector } from './simulator/charging-session';
import { registerCsmsCommands } from './simulator/csms-commands';
import { parseSimulatorOptions } from './simulator/options';
import { VirtualStation, type SimulatorStats } from './simulator/virtual-station';

// `npm run simulate -- --stations 50 --url ws://127.0.0.1:9000/ocpp`: N virtual OCPP 1.6 stations.
const options = parseSimulatorOptions(process.argv.slice(2));
const stats: SimulatorStats = { connected: 0, calls: 0, callErrors: 0, sessionsStarted: 0, sessionsCompleted: 0, meterValues: 0 };
const log = options.quiet ? () => {} : (line: string) => console.log(line);

const stations = Array.from({ length: options.stations }, (_, i) => {
  const station = new VirtualStation({
    url: options.url,
    identity: `${options.prefix}${String(i + 1).padStart(4, '0')}`,
    connectors: options.connectors,
    password: options.password,
    meterIntervalS: options.meterIntervalS,
    speed: options.speed,
    idleS: options.idleS,
    idTags: options.idTags,
    log,
    stats,
  });
  registerCsmsCommands(station);
  return station;
});

console.log(`Simulating ${stations.length} stations × ${options.connectors} connectors against ${options.url} (Ctrl-C to stop)`);
const loops: Promise<void>[] = [];
for (const station of stations) {
  void station.start();
  for (const connector of station.connectors) loops.push(runConnector(station, connector));
  if (options.rampS > 0) await sleep((options.rampS * 1000) / stations.length);
}

const report = setInterval(() => {
  console.log(
    `connected ${stats.connected}/${stations.length} · sessions ${stats.sessionsStarted} started, ${stats.sessionsCompleted} done · ` +
      `meter values ${stats.meterValues} · calls ${stats.calls} (${stats.callErrors} failed)`,
  );
}, 10_000);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  clearInterval(report);
  console.log('Stopping: open transactions are stopped, then the stations disconnect');
  await Promise.all(stations.map((station) => station.stop()));
  await Promise.race([Promise.all(loops), sleep(10_000)]);
  console.log(`Done: ${stats.sessionsCompleted} sessions, ${stats.meterValues} meter values, ${stats.calls} calls (${stats.callErrors} failed)`);
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
if (options.durationS > 0) setTimeout(() => void stop(), options.durationS * 1000);
