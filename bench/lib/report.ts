import type { B4Result } from '../b4-commands';

interface Run {
  messages: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

const n = (value: unknown, digits = 0) => (typeof value === 'number' && Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits }) : String(value));

/** The figures next to the targets. */
export function printTable(results: Record<string, unknown>): void {
  const inserts = (results.inserts ?? { singleRowsPerSecond: NaN, batchedRowsPerSecond: NaN }) as { singleRowsPerSecond: number; batchedRowsPerSecond: number };
  const echo = (results.echo ?? { perSecond: NaN, p50Ms: NaN, p99Ms: NaN, errors: NaN, messages: 0 }) as Run;
  const b1 = results.b1 as { seconds: number; bytesPerConnection: number; rssMiB: number } | undefined;
  const b2 = results.b2 as { atRate: Run; saturated: Run; persistedSamples: number; expectedSamples: number; ratioToBaseline: number; serverSideAtRate?: { p50: number; p99: number } } | undefined;
  const b4 = results.b4 as B4Result | undefined;
  const rows: [string, string, string][] = [];
  if (b1 && b2) rows.push(...meterRows(results, inserts, echo, b1, b2));
  if (b4) {
    const { roundTrip: rt, offline } = b4;
    rows.push(
      [`B4 command round trip (${n(b4.stations)} stations, ${rt.concurrency} in flight)`, `p50 ${n(rt.p50Ms, 1)} ms, p99 ${n(rt.p99Ms, 1)} ms, max ${n(rt.maxMs, 1)} ms (${n(rt.commands)} commands, ${rt.failures} failed)`, 'p99 < 50 ms'],
      ['B4 offline station → 409 station_offline', `p50 ${n(offline.p50Ms, 1)} ms, p99 ${n(offline.p99Ms, 1)} ms`, '< 100 ms'],
    );
  }
  printRows(rows, results);
}

function printRows(rows: [string, string, string][], results: Record<string, unknown>): void {
  const width = Math.max(...rows.map((r) => r[0].length));
  const width2 = Math.max(...rows.map((r) => r[1].length));
  console.log(`\n${'measure'.padEnd(width)}  ${'result'.padEnd(width2)}  target`);
  for (const [label, value, target] of rows) console.log(`${label.padEnd(width)}  ${value.padEnd(width2)}  ${target}`);
  console.log(`\nload average (1 min) before/after: ${n(results.loadAverageBefore, 2)} / ${n(results.loadAverageAfter, 2)} on ${n(results.cpus)} CPUs; written to bench/results.json`);
}

function meterRows(
  results: Record<string, unknown>,
  inserts: { singleRowsPerSecond: number; batchedRowsPerSecond: number },
  echo: Run,
  b1: { seconds: number; bytesPerConnection: number; rssMiB: number },
  b2: { atRate: Run; saturated: Run; persistedSamples: number; expectedSamples: number; ratioToBaseline: number; serverSideAtRate?: { p50: number; p99: number } },
): [string, string, string][] {
  return [
    ['PostgreSQL single-row inserts', `${n(inserts.singleRowsPerSecond)} rows/s`, ''],
    ['PostgreSQL batched inserts (1,000/stmt)', `${n(inserts.batchedRowsPerSecond)} rows/s`, ''],
    ['bare ws echo (closed loop)', `${n(echo.perSecond)} msg/s, p50 ${n(echo.p50Ms, 1)} ms, p99 ${n(echo.p99Ms, 1)} ms`, ''],
    [`B1 boot storm (${n(results.stations)} stations)`, `${n(b1.seconds, 1)} s`, '< 15 s'],
    ['B1 memory per connection', `${n(b1.bytesPerConnection / 1024, 1)} KB (RSS ${n(b1.rssMiB)} MiB)`, '≤ 30 KB'],
    ['B2 MeterValues at target rate', `${n(b2.atRate.perSecond)} msg/s, p50 ${n(b2.atRate.p50Ms, 1)} ms, p99 ${n(b2.atRate.p99Ms, 1)} ms`, '≥ 3,000/s, p99 < 50 ms'],
    ['B2 MeterValues saturated', `${n(b2.saturated.perSecond)} msg/s, p50 ${n(b2.saturated.p50Ms, 1)} ms, p99 ${n(b2.saturated.p99Ms, 1)} ms`, ''],
    ['B2 ratio to bare ws', `${n(b2.ratioToBaseline, 2)} ×`, '≥ 0.3 ×'],
    ['B2 samples persisted / acknowledged', `${n(b2.persistedSamples)} / ${n(b2.expectedSamples)}`, 'all'],
    ['B2 at target rate, server-side latency', `p50 ${n(b2.serverSideAtRate?.p50, 1)} ms, p99 ${n(b2.serverSideAtRate?.p99, 1)} ms`, ''],
    ['errors (echo / B2 rate / B2 saturated)', `${echo.errors} / ${b2.atRate.errors} / ${b2.saturated.errors}`, '0'],
    ['SIGTERM with all stations connected → exit', `${n(results.shutdownSeconds, 1)} s (exit code ${String(results.shutdownExitCode)})`, 'exit 0'],
  ];
}

type Spread = { n: number; p50: number; p99: number; max: number };
const spread = (s: Spread) => `p50 ${n(s.p50, 1)} ms, p99 ${n(s.p99, 1)} ms, max ${n(s.max, 1)} ms (n ${n(s.n)})`;

/** `npm run bench -- live`: B3 and the stations page. */
export function printLiveTable(results: Record<string, unknown>): void {
  const b3 = results.b3 as { stations: number; statusChanges: number; ratePerSecond: number; sseLatency: Spread; callLatency: Spread; missing: number };
  const render = results.render as { stationsInDatabase: number; firstRowsMs: number; allRowsMs: number; domRows: number; scrollFrame: Spread; longTasks: { count: number; totalMs: number } };
  printRows(
    [
      [`B3 status → SSE client (${n(b3.stations)} stations, ${n(b3.ratePerSecond)} changes/s)`, spread(b3.sseLatency), 'p99 < 250 ms'],
      ['B3 StatusNotification → CALLRESULT', spread(b3.callLatency), ''],
      ['B3 changes without an event', `${n(b3.missing)} of ${n(b3.statusChanges)}`, '0'],
      [`stations page (${n(render.stationsInDatabase)} stations): first rows`, `${n(render.firstRowsMs)} ms after navigation`, ''],
      ['stations page: every row loaded (count shown)', `${n(render.allRowsMs)} ms after navigation; ${n(render.domRows)} rows in the DOM`, ''],
      ['stations page: scroll step → painted', spread(render.scrollFrame), 'smooth (≈ 2 frames)'],
      ['stations page: long tasks while scrolling', `${n(render.longTasks.count)} (${n(render.longTasks.totalMs)} ms)`, '0'],
    ],
    results,
  );
}
