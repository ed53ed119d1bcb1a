import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type SQL } from 'drizzle-orm';
import { replaceHourlyStats } from '../lib/db/queries/analytics-rollups';
import { listUnpricedStoppedTransactions, replaceDailyStats, replaceFaultEpisodes } from '../lib/db/queries/analytics-maintenance';
import { replaceMonthlyStats } from '../lib/db/queries/analytics-monthly-rollups';
import { sumConnectorStats, sumFaults, sumUptimeByPortMonth } from '../lib/db/queries/analytics-reports';
import { replaceMonthlyRevenue, sumRevenue } from '../lib/db/queries/analytics-revenue';
import { readOccupancyHeatmap, sumConnectorStates } from '../lib/db/queries/analytics-utilization';
import { buildReport } from '../lib/analytics/build-report';
import { rebuildRollups } from '../lib/analytics/refresh-rollups';
import { reportNames, type Report } from '../lib/analytics/report-types';
import { createDb } from '../lib/db/client';
import { startBenchDatabase } from './lib/database';
import { seedAnalyticsYear, type SeedPlan } from './lib/analytics-seed';
import { rawFigures, rawUptime } from './lib/analytics-raw';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const n = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits });

/**
 * B5 (`npm run bench -- analytics [--scale 0.05] [--runs 30]`): seeds a year of data for 1,000
 * connectors (200,000 sessions, 10 million meter samples at scale 1) set-based in SQL, builds the rollups,
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
  const started = performance.now();
  const figures = await seedAnalyticsYear(db.$client, plan);
  const seconds = (performance.now() - started) / 1000;
  const rows = Object.values(figures).reduce((total, f) => total + f.rows, 0);
  console.log(`seeded ${n(rows)} rows in ${n(seconds, 1)} s (${n(rows / seconds)} rows/s; meter values ${n(figures.meterValues!.perSecond)} rows/s)`);
  return { seconds, rows, rowsPerSecond: rows / seconds, tables: figures };
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
  await sumConnectorStates(explaining, range);
  await readOccupancyHeatmap(explaining, range);
  await sumRevenue(explaining, range);
  await sumUptimeByPortMonth(explaining, range);
  await sumFaults(explaining, range);
  const month = { from: new Date(Date.UTC(2025, 6, 1)), to: new Date(Date.UTC(2025, 7, 1)) };
  await replaceHourlyStats(explaining, { ...month, now: range.to });
  await replaceDailyStats(explaining, month);
  await replaceMonthlyStats(explaining, month);
  await replaceMonthlyRevenue(explaining, month);
  await replaceFaultEpisodes(explaining, month);
  await listUnpricedStoppedTransactions(explaining, { ...month, afterId: 0, limit: 500 }).catch(() => []);
}

function print(results: Record<string, unknown>) {
  const seed = results.seed as { rowsPerSecond: number; seconds: number; tables: Record<string, { rows: number; seconds: number; perSecond: number }> };
  const rollups = results.rollups as { seconds: number; hourly: number; daily: number; monthly: number };
  const timings = results.fromRollups as Record<string, { p50Ms: number; p99Ms: number }>;
  const raw = results.fromRaw as { figuresMs: number; uptimeMs: number };
  const agreement = results.agreement as ReturnType<typeof compare>;
  console.log(`\nseed: ${n(seed.rowsPerSecond)} rows/s overall in ${n(seed.seconds, 1)} s; insert … select rows/s by table:`);
  for (const [table, f] of Object.entries(seed.tables)) console.log(`  ${table.padEnd(18)} ${n(f.rows).padStart(12)} rows  ${n(f.seconds, 1).padStart(7)} s  ${n(f.perSecond).padStart(10)} rows/s`);
  console.log(`rollups rebuilt (one statement per level): ${n(rollups.hourly)} hourly + ${n(rollups.daily)} daily + ${n(rollups.monthly)} monthly rows in ${n(rollups.seconds, 1)} s`);
  console.log('\nreport (a year, all stations, + previous period)  p50 ms   p99 ms   target p99 < 150 ms');
  for (const [name, t] of Object.entries(timings)) console.log(`  ${name.padEnd(46)} ${n(t.p50Ms, 1).padStart(7)}  ${n(t.p99Ms, 1).padStart(7)}   ${t.p99Ms < 150 ? 'met' : 'NOT met'}`);
  console.log(`same figures from raw rows: ${n(raw.figuresMs)} ms (utilization, energy, revenue, faults) + ${n(raw.uptimeMs)} ms (uptime per port-month)`);
  console.log(`\nrollups vs raw: ${agreement.allEqual ? 'all equal' : 'DIFFERENCES'}`);
  for (const c of agreement.checks) console.log(`  ${c.equal ? 'ok ' : 'NO '} ${c.figure.padEnd(32)} ${String(c.rollups).padStart(14)} ${String(c.raw).padStart(14)}`);
  console.log(`\nload average (1 min) before/after: ${n(Number(results.loadAverageBefore), 2)} / ${n(Number(results.loadAverageAfter), 2)}; written to bench/results.json (b5)`);
}
