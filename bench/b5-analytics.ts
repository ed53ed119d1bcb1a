import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type SQL } from 'drizzle-orm';
import { replaceHourlyStats } from '../lib/db/queries/analytics-rollups';
import { listUnpricedStoppedTransactions, replaceDailyStats, replaceFaultEpisodes } from '../lib/db/queries/analytics-maintenance';
import { replaceMonthlyStats } from '../lib/db/queries/analytics-monthly-rollups';
import { readOccupancyHeatmap, sumConnectorStats, sumUptimeByPortMonth } from '../lib/db/queries/analytics-reports';
import { buildReport } from '../lib/analytics/build-report';
import { rebuildRollups } from '../lib/analytics/refresh-rollups';
import { reportNames, type Report } from '../lib/analytics/report-types';
import { createDb } from '../lib/db/client';
import { startBenchDatabase } from './lib/database';
import { copyRows, planSessions, random, ZONES, type SeedPlan, type Session } from './lib/analytics-seed';
import { rawFigures, rawUptime } from './lib/analytics-raw';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const n = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits });

/**
 * B5 (`npm run bench -- analytics [--scale 0.05] [--runs 30]`): seeds a year of data for 1,000
 * connectors (200,000 sessions, 10 million meter samples at scale 1) with COPY, builds the rollups,
 * times every report from them (p50/p99; target p99 < 150 ms) and the same figures from raw rows,
 * and checks that both agree.
 */
export async function runAnalyticsBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { scale: { type: 'string', default: '1' }, runs: { type: 'string', default: '30' }, explain: { type: 'boolean', default: false } } });
  const scale = Number(values.scale);
  const runs = Number(values.runs);
  const range = { from: new Date(Date.UTC(2025, 0, 1)), to: new Date(Date.UTC(2026, 0, 1)) };
  const plan = { connectors: Math.max(4, Math.round(1000 * scale)), sessions: Math.round(200_000 * scale), samples: Math.round(10_000_000 * scale), ...range };
  console.log(`B5 analytics on ${os.cpus().length} CPUs, scale ${scale}: ${n(plan.connectors)} connectors, ${n(plan.sessions)} sessions, ${n(plan.samples)} meter samples over 2025`);
  const database = await startBenchDatabase();
  const db = createDb(database.url, { max: 4 });
  const results: Record<string, unknown> = { at: new Date().toISOString(), cpus: os.cpus().length, loadAverageBefore: os.loadavg()[0], scale, plan: { ...plan } };
  try {
    results.seed = await seed(db, plan);
    console.log('building rollups…');
    const rebuildStart = performance.now();
    const rebuilt = await rebuildRollups(db, { now: range.to });
    const [counts] = await db.execute<{ hourly: number; daily: number; monthly: number }>(sql`select (select count(*) from connector_hourly_stats)::int as hourly,
      (select count(*) from connector_daily_stats)::int as daily, (select count(*) from connector_monthly_stats)::int as monthly`);
    results.rollups = { seconds: (performance.now() - rebuildStart) / 1000, hours: rebuilt.hours, ...counts };
    console.log(`rollups: ${n(counts!.hourly)} hourly + ${n(counts!.daily)} daily + ${n(counts!.monthly)} monthly rows in ${n((performance.now() - rebuildStart) / 1000, 1)} s`);
    await db.execute(sql`analyze`);

    if (values.explain) await explainReports(db, range);
    const timings: Record<string, { p50Ms: number; p99Ms: number; runs: number }> = {};
    const reports: Partial<Record<(typeof reportNames)[number], Report>> = {};
    for (const name of reportNames) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        reports[name] = await buildReport(db, name, range, { now: range.to });
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      timings[name] = { p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), runs };
    }
    results.fromRollups = timings;

    const rawStart = performance.now();
    const raw = await rawFigures(db, range);
    const rawFiguresMs = performance.now() - rawStart;
    const uptimeStart = performance.now();
    const uptimeRaw = await rawUptime(db, range);
    const rawUptimeMs = performance.now() - uptimeStart;
    results.fromRaw = { figuresMs: rawFiguresMs, uptimeMs: rawUptimeMs };
    results.agreement = compare(reports, raw, uptimeRaw);
  } finally {
    await db.$client.end();
    await database.stop();
  }
  results.loadAverageAfter = os.loadavg()[0];
  const file = path.join(import.meta.dirname, 'results.json');
  const previous = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  fs.writeFileSync(file, `${JSON.stringify({ ...previous, b5: results }, null, 2)}\n`);
  print(results);
}

async function seed(db: ReturnType<typeof createDb>, plan: SeedPlan) {
  const sqlClient = db.$client;
  const { stations, sessions } = planSessions(plan);
  const rnd = random(7);
  const started = performance.now();
  const sites = await sqlClient<{ id: string }[]>`insert into sites (name, time_zone) select 'B5 site ' || z, z from unnest(${ZONES}::text[]) z returning id`;
  const tariffs = await sqlClient<{ id: string; name: string }[]>`insert into tariffs (name, currency) values ('B5 day', 'EUR'), ('B5 night', 'EUR') returning id, name`;
  const figures: Record<string, { rows: number; perSecond: number }> = {};
  figures.stations = await copyRows(sqlClient, 'stations', ['id', 'vendor', 'model', 'firmware_version', 'online'], stations.map((id, i) => [id, i % 3 ? 'ACME' : 'Volta', `M${i % 4}`, `1.${i % 5}`, 't']));
  await copyRows(sqlClient, 'station_sites', ['station_id', 'site_id'], stations.map((id, i) => [id, sites[i % sites.length]!.id]));
  const connectorIds = stations.flatMap((id) => [[id, 1], [id, 2]] as const).slice(0, plan.connectors);
  await copyRows(sqlClient, 'connectors', ['station_id', 'connector_id', 'status', 'error_code', 'status_at'], connectorIds.map(([id, c]) => [id, c, 'Available', 'NoError', plan.to]));
  // Connections: online all year but for three outages (10 min – 5 h) per station.
  figures.connections = await copyRows(sqlClient, 'station_connections', ['station_id', 'node_id', 'protocol', 'connected_at', 'disconnected_at'], (function* () {
    for (const id of stations) {
      const span = plan.to.getTime() - plan.from.getTime();
      const outages = [0, 1, 2].map((k) => plan.from.getTime() + Math.floor(((k + rnd()) * span) / 3 / 1000) * 1000).map((at) => [at, at + Math.floor((600 + rnd() * 17_400)) * 1000] as const);
      let connectedAt = plan.from.getTime();
      for (const [down, up] of outages) {
        yield [id, 'bench', 'ocpp1.6', new Date(connectedAt), new Date(down)];
        connectedAt = up;
      }
      yield [id, 'bench', 'ocpp1.6', new Date(connectedAt), null];
    }
  })());
  figures.statusHistory = await copyRows(sqlClient, 'connector_status_history', ['station_id', 'connector_id', 'status', 'error_code', 'vendor_error_code', 'at', 'received_at'], statusRows(plan, sessions, rnd));
  figures.transactions = await copyRows(sqlClient, 'transactions', ['station_id', 'connector_id', 'id_tag', 'auth_status', 'meter_start', 'started_at', 'meter_stop', 'stopped_at', 'stop_reason'],
    sessions.map((s) => [s.station, s.connector, 'B5', 'Accepted', s.meterStart, new Date(s.start), s.meterStop, new Date(s.stop), 'Local']));
  const [ids] = await sqlClient<{ min: number; max: number }[]>`select min(id)::int as min, max(id)::int as max from transactions`;
  if (ids!.min !== 1 || ids!.max !== sessions.length) throw new Error('transaction ids are not 1…n: the meter values would point at the wrong sessions');
  const perSession = Math.max(2, Math.floor(plan.samples / sessions.length / 2));
  figures.meterValues = await copyRows(sqlClient, 'meter_values',
    ['station_id', 'connector_id', 'transaction_id', 'sampled_at', 'measurand', 'context', 'format', 'unit', 'value', 'raw_value', 'raw_unit', 'received_at'], (function* () {
      for (const s of sessions) {
        for (let j = 1; j <= perSession; j++) {
          const at = new Date(s.start + Math.floor(((s.stop - s.start) * j) / (perSession + 1) / 1000) * 1000);
          const wh = s.meterStart + Math.round(((s.meterStop - s.meterStart) * j) / (perSession + 1));
          const w = Math.round(s.powerW * (0.9 + rnd() * 0.1));
          yield [s.station, s.connector, s.id, at, 'Energy.Active.Import.Register', 'Sample.Periodic', 'Raw', 'Wh', wh, String(wh), 'Wh', at];
          yield [s.station, s.connector, s.id, at, 'Power.Active.Import', 'Sample.Periodic', 'Raw', 'W', w, String(w), 'W', at];
        }
      }
    })());
  // Final costs as the rollup refresh stores them (priced here by formula: €0.30/kWh + €1, 19 % VAT).
  figures.revenue = await copyRows(sqlClient, 'transaction_revenue', ['transaction_id', 'station_id', 'connector_id', 'stopped_at', 'tariff_id', 'tariff_name', 'currency', 'net', 'vat', 'gross', 'priced_at'],
    sessions.map((s) => {
      const tariff = tariffs[s.start % 2 === 0 ? 0 : 1]!;
      const net = Math.round((s.meterStop - s.meterStart) * 0.03) + 100;
      const vat = Math.round(net * 0.19);
      return [s.id, s.station, s.connector, new Date(s.stop), tariff.id, tariff.name, 'EUR', net, vat, net + vat, new Date(s.stop)];
    }));
  const seconds = (performance.now() - started) / 1000;
  const rows = Object.values(figures).reduce((total, f) => total + f.rows, 0);
  console.log(`seeded ${n(rows)} rows in ${n(seconds, 1)} s (${n(rows / seconds)} rows/s; meter values ${n(figures.meterValues.perSecond)} rows/s)`);
  return { seconds, rows, rowsPerSecond: rows / seconds, tables: figures };
}

/** Available from the start; per session Charging → Finishing → Available; a fault in one gap in 40. */
function* statusRows(plan: SeedPlan, sessions: Session[], rnd: () => number) {
  let current = '';
  for (let i = 0; i < sessions.length; i++) {
    const s = sessions[i]!;
    const key = `${s.station}/${s.connector}`;
    if (key !== current) {
      current = key;
      yield [s.station, s.connector, 'Available', 'NoError', null, plan.from, plan.from];
    }
    const row = (status: string, at: number, errorCode = 'NoError', vendorCode: string | null = null) => [s.station, s.connector, status, errorCode, vendorCode, new Date(at), new Date(at)];
    yield row('Charging', s.start);
    yield row('Finishing', s.stop);
    yield row('Available', s.stop + 300_000);
    const next = sessions[i + 1];
    const gapEnd = next && `${next.station}/${next.connector}` === key ? next.start : plan.to.getTime();
    if (rnd() < 0.025 && gapEnd - s.stop > 4 * 3_600_000) {
      const faultAt = s.stop + 600_000;
      yield row('Faulted', faultAt, rnd() < 0.5 ? 'GroundFailure' : 'PowerMeterFailure', `E${Math.floor(rnd() * 5)}`);
      yield row('Available', faultAt + Math.floor(1800 + rnd() * 5400) * 1000);
    }
  }
}

/** Rollup report figures next to the raw ones; energy may differ by rounding only (≤ 1 Wh per hour bucket). */
function compare(reports: Partial<Record<string, Report>>, raw: Awaited<ReturnType<typeof rawFigures>>, uptimeRaw: { station_id: string; connector_id: number; month: string; uptime: number }[]) {
  const checks: { figure: string; rollups: number | null; raw: number | null; equal: boolean }[] = [];
  const check = (figure: string, rollups: unknown, rawValue: unknown, tolerance = 0) => {
    const a = rollups === null || rollups === undefined ? null : Number(rollups);
    const b = rawValue === null || rawValue === undefined ? null : Number(rawValue);
    checks.push({ figure, rollups: a, raw: b, equal: a === b || (a !== null && b !== null && Math.abs(a - b) <= tolerance) });
  };
  const u = reports.utilization!.totals;
  for (const state of ['charging', 'idle', 'available', 'faulted', 'offline']) check(`utilization ${state} seconds`, u[`${state}Seconds`], Math.round(Number(raw.states[state])));
  check('utilization observed seconds', u.observedSeconds, Math.round(Number(raw.states.observed)));
  const e = reports.energy!.totals;
  check('energy sessions', e.sessions, raw.energy.sessions);
  check('energy kWh', e.energyKwh, Math.round(Number(raw.energy.wh)) / 1000);
  check('energy avg duration min', e.avgDurationMinutes, Math.round((Number(raw.energy.seconds) / Number(raw.energy.stopped) / 60) * 10) / 10);
  check('energy avg kWh', e.avgEnergyKwh, Math.round(Number(raw.energy.wh) / Number(raw.energy.stopped)) / 1000, 0.001);
  check('energy peak kW', e.peakPowerKw, Number(raw.energy.peak) / 1000);
  const r = reports.revenue!.totals;
  check('revenue sessions', r.sessions, raw.revenue.sessions);
  check('revenue gross EUR', r.gross, Number(raw.revenue.gross) / 100, 1e-6);
  const f = reports.faults!.totals;
  check('faults', f.faults, raw.faults.faults);
  check('faults MTTR min', f.mttrMinutes, raw.faults.mttr_seconds === null ? null : Math.round((Number(raw.faults.mttr_seconds) / 60) * 10) / 10);
  const fromRollups = new Map(reports.uptime!.rows.map((row) => [`${row.stationId}/${row.connectorId}/${row.month}`, row.uptime]));
  const differing = uptimeRaw.filter((row) => fromRollups.get(`${row.station_id}/${row.connector_id}/${row.month}`) !== Number(row.uptime));
  check('uptime port-months (rows)', fromRollups.size, uptimeRaw.length);
  check('uptime port-months differing', differing.length, 0);
  return { allEqual: checks.every((c) => c.equal), checks, uptimeExamples: differing.slice(0, 5) };
}

/** --explain: the query plans of the reports' rollup reads (to see where the time goes). */
async function explainReports(db: ReturnType<typeof createDb>, range: { from: Date; to: Date }) {
  const explaining = new Proxy(db, {
    get(target, key) {
      if (key !== 'execute') return Reflect.get(target, key);
      return async (query: SQL) => {
        const plan = await target.execute<{ 'QUERY PLAN': string }>(sql`explain (analyze, costs off, timing on) ${query}`);
        console.log(plan.map((row) => row['QUERY PLAN']).join('\n'));
        return [];
      };
    },
  });
  await sumConnectorStats(explaining, range);
  await readOccupancyHeatmap(explaining, range);
  await sumUptimeByPortMonth(explaining, range);
  const month = { from: new Date(Date.UTC(2025, 6, 1)), to: new Date(Date.UTC(2025, 7, 1)) };
  await replaceHourlyStats(explaining, { ...month, now: range.to });
  await replaceDailyStats(explaining, month);
  await replaceMonthlyStats(explaining, month);
  await replaceFaultEpisodes(explaining, month);
  await listUnpricedStoppedTransactions(explaining, { ...month, afterId: 0, limit: 500 }).catch(() => []);
}

function print(results: Record<string, unknown>) {
  const seed = results.seed as { rowsPerSecond: number; seconds: number; tables: Record<string, { rows: number; perSecond: number }> };
  const rollups = results.rollups as { seconds: number; hourly: number; daily: number; monthly: number };
  const timings = results.fromRollups as Record<string, { p50Ms: number; p99Ms: number }>;
  const raw = results.fromRaw as { figuresMs: number; uptimeMs: number };
  const agreement = results.agreement as ReturnType<typeof compare>;
  console.log(`\nseed: ${n(seed.rowsPerSecond)} rows/s overall in ${n(seed.seconds, 1)} s; COPY rows/s by table:`);
  for (const [table, f] of Object.entries(seed.tables)) console.log(`  ${table.padEnd(16)} ${n(f.rows).padStart(12)} rows  ${n(f.perSecond).padStart(10)} rows/s`);
  console.log(`rollups rebuilt: ${n(rollups.hourly)} hourly + ${n(rollups.daily)} daily + ${n(rollups.monthly)} monthly rows in ${n(rollups.seconds, 1)} s`);
  console.log('\nreport (a year, all stations, + previous period)  p50 ms   p99 ms   target p99 < 150 ms');
  for (const [name, t] of Object.entries(timings)) console.log(`  ${name.padEnd(46)} ${n(t.p50Ms, 1).padStart(7)}  ${n(t.p99Ms, 1).padStart(7)}   ${t.p99Ms < 150 ? 'met' : 'NOT met'}`);
  console.log(`same figures from raw rows: ${n(raw.figuresMs)} ms (utilization, energy, revenue, faults) + ${n(raw.uptimeMs)} ms (uptime per port-month)`);
  console.log(`\nrollups vs raw: ${agreement.allEqual ? 'all equal' : 'DIFFERENCES'}`);
  for (const c of agreement.checks) console.log(`  ${c.equal ? 'ok ' : 'NO '} ${c.figure.padEnd(32)} ${String(c.rollups).padStart(14)} ${String(c.raw).padStart(14)}`);
  console.log(`\nload average (1 min) before/after: ${n(Number(results.loadAverageBefore), 2)} / ${n(Number(results.loadAverageAfter), 2)}; written to bench/results.json (b5)`);
}
