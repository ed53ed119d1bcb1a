import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { insertMeterValues, listMeterValuesForTransaction } from '@/lib/db/queries/meter-values';
import { sql } from 'drizzle-orm';
import type { MeterValueRow } from '@/lib/db/schema';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.execute(sql`insert into stations (id) values ('MV-"1\\{a,b}')`);
});
afterAll(() => t?.drop());

const at = new Date('2026-11-27T10:00:00.123Z');
const row = (measurand: string, rawValue: string, extra: Partial<MeterValueRow> = {}): MeterValueRow => ({
  stationId: 'MV-"1\\{a,b}',
  connectorId: 1,
  transactionId: 42,
  sampledAt: at,
  measurand,
  phase: null,
  location: null,
  context: 'Sample.Periodic',
  format: 'Raw',
  unit: 'Wh',
  value: null,
  rawValue,
  rawUnit: null,
  receivedAt: at,
  ...extra,
});

it('stores every column as sent, whatever characters a station puts in its strings', async () => {
  const odd = ['say "hi"', 'back\\slash', '{braces},commas', 'NULL', '', ' spaced ', 'ünïcödé ⚡', 'new\nline'];
  const rows = odd.map((rawValue, i) => row(`Measurand.${i}`, rawValue, { value: i === 0 ? 1.5 : i === 1 ? -0 : null, phase: i === 2 ? 'L1' : null, location: i === 3 ? 'EV' : null, rawUnit: i === 4 ? 'kWh' : null }));
  expect(await insertMeterValues(t.db, rows)).toBe(odd.length);
  const stored = await listMeterValuesForTransaction(t.db, 42);
  expect(stored.map((r) => r.rawValue).sort()).toEqual([...odd].sort());
  const byMeasurand = new Map(stored.map((r) => [r.measurand, r]));
  expect(byMeasurand.get('Measurand.0')).toMatchObject({ stationId: 'MV-"1\\{a,b}', connectorId: 1, transactionId: 42, sampledAt: at, receivedAt: at, value: 1.5, context: 'Sample.Periodic', format: 'Raw', unit: 'Wh' });
  expect(byMeasurand.get('Measurand.2')).toMatchObject({ phase: 'L1', location: null, value: null });
  expect(byMeasurand.get('Measurand.3')).toMatchObject({ phase: null, location: 'EV', rawValue: 'NULL' });
  expect(byMeasurand.get('Measurand.4')).toMatchObject({ rawUnit: 'kWh', rawValue: '' });
});

it('drops duplicates, in the table and within one batch, and counts only the new rows', async () => {
  const again = [row('Measurand.0', 'other'), row('Fresh', '1'), row('Fresh', '2')];
  expect(await insertMeterValues(t.db, again)).toBe(1);
  expect(await insertMeterValues(t.db, [])).toBe(0);
});
