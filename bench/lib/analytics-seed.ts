import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type postgres from 'postgres';

/** A deterministic pseudo-random generator (mulberry32): the same scale seeds the same data. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const text = (value: unknown) => (value === null || value === undefined ? '\\N' : value instanceof Date ? value.toISOString() : String(value));

/** COPY rows (arrays in column order) into a table; returns rows and rows/s. */
export async function copyRows(sql: postgres.Sql, table: string, columns: string[], rows: Iterable<unknown[]>): Promise<{ rows: number; perSecond: number }> {
  const started = performance.now();
  let count = 0;
  const writable = (await sql.unsafe(`copy ${table} (${columns.join(', ')}) from stdin`).writable()) as Writable;
  function* lines() {
    let chunk = '';
    for (const row of rows) {
      chunk += `${row.map(text).join('\t')}\n`;
      count++;
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(lines()), writable);
  const seconds = (performance.now() - started) / 1000;
  return { rows: count, perSecond: count / seconds };
}

export interface SeedPlan {
  connectors: number;
  sessions: number;
  samples: number;
  from: Date;
  to: Date;
}

export const ZONES = ['Europe/Berlin', 'America/New_York', 'UTC', 'Australia/Sydney'];

export interface Session {
  id: number;
  station: string;
  connector: number;
  start: number;
  stop: number;
  meterStart: number;
  meterStop: number;
  powerW: number;
}

/** Stations of two connectors each; per connector non-overlapping sessions spread over the year. */
export function planSessions(plan: SeedPlan): { stations: string[]; sessions: Session[] } {
  const rnd = random(42);
  const stations = Array.from({ length: Math.ceil(plan.connectors / 2) }, (_, i) => `B5-${String(i).padStart(4, '0')}`);
  const perConnector = Math.floor(plan.sessions / plan.connectors);
  const span = plan.to.getTime() - plan.from.getTime();
  const slot = Math.floor(span / perConnector);
  const sessions: Session[] = [];
  for (let c = 0; c < plan.connectors; c++) {
    let meter = Math.floor(rnd() * 1_000_000);
    for (let k = 0; k < perConnector; k++) {
      // Whole seconds: 10 min – 6 h inside its slot, leaving room for Finishing/Available.
      const duration = Math.min(Math.floor((600 + rnd() * 21_000)) , Math.floor(slot / 1000) - 1200) * 1000;
      const start = plan.from.getTime() + k * slot + Math.floor((rnd() * (slot - duration - 900_000)) / 1000) * 1000;
      const powerW = Math.round(3700 + rnd() * 18_300);
      const energy = Math.round((powerW * duration) / 3_600_000);
      sessions.push({ id: sessions.length + 1, station: stations[c >> 1]!, connector: (c & 1) + 1, start, stop: start + duration, meterStart: meter, meterStop: meter + energy, powerW });
      meter += energy;
    }
  }
  return { stations, sessions };
}
