import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import { addStations, startSession } from '../billing/fixtures';
import { insertMeterValues } from '@/lib/db/queries/meter-values';
import { normalizeSampledValue } from '@/lib/meter-values/normalize-sampled-value';
import { fillPowerBuckets, getFleetPowerHistory } from '@/lib/dashboard/fleet-power-history';
import { joinPowerPoints, thinLivePoints } from '@/lib/dashboard/power-points';
import * as powerRoute from '@/app/api/v1/overview/power/route';

let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);
const ms = (hhmm: string) => at(hhmm).getTime();

async function power(stationId: string, transactionId: number, when: string, values: { value: number; phase?: 'L1' | 'L2' | 'L3'; location?: 'EV' }[]) {
  const context = { stationId, connectorId: 1, transactionId, receivedAt: at(when) };
  await insertMeterValues(
    t.db,
    values.map((sample) => normalizeSampledValue({ value: String(sample.value), unit: 'W', measurand: 'Power.Active.Import', phase: sample.phase, location: sample.location }, at(when), context)),
  );
}

beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  await addStations(t.db, 'P-1', 'P-2');
  const one = await startSession(t.db, { stationId: 'P-1', startedAt: at('09:00'), meterStart: 0 });
  const two = await startSession(t.db, { stationId: 'P-2', startedAt: at('09:00'), meterStart: 0 });
  await power('P-1', one.id, '09:05', [{ value: 99_000 }]); // before the window
  await power('P-1', one.id, '10:01', [{ value: 10_000 }]);
  await power('P-1', one.id, '10:03', [{ value: 12_000 }, { value: 50_000, location: 'EV' }]); // the EV's own meter is not counted
  await power('P-2', two.id, '10:02', [{ value: 3000, phase: 'L1' }, { value: 3000, phase: 'L2' }, { value: 1000, phase: 'L3' }]);
  await power('P-1', one.id, '10:12', [{ value: 7000 }]);
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

describe('fleet power history', () => {
  it('averages each connector per 5 minutes, sums the connectors, and fills silent buckets with 0', async () => {
    const history = await getFleetPowerHistory(t.db, 1, at('10:14'));
    expect(history.bucketMinutes).toBe(5);
    // 09:14 → the bucket of 09:10 first; P-1 avg(10, 12) = 11 kW + P-2 phases 7 kW in 10:00; 7 kW in 10:10.
    expect(history.points[0]).toEqual({ at: ms('09:10'), kw: 0 });
    expect(history.points.slice(-3)).toEqual([
      { at: ms('10:00'), kw: 18 },
      { at: ms('10:05'), kw: 0 },
      { at: ms('10:10'), kw: 7 },
    ]);
    expect(history.points).toHaveLength(13);
    expect(history.points.some((point) => point.kw === 99)).toBe(false);
  });

  it('is served at GET /api/v1/overview/power, hours bounded', async () => {
    const response = await api.call(powerRoute.GET, { role: 'viewer', path: '/api/v1/overview/power?hours=2' });
    expect(response.status).toBe(200);
    expect(response.body.bucketMinutes).toBe(5);
    expect((response.body.points as unknown[]).length).toBe(25);
    const bad = await api.call(powerRoute.GET, { role: 'viewer', path: '/api/v1/overview/power?hours=100' });
    expect(bad).toMatchObject({ status: 400, body: { error: { field: 'hours' } } });
  });

  it('places points on bucket starts from the window start to now', () => {
    expect(fillPowerBuckets([{ at: at('10:05'), watts: 1500 }], at('10:02'), at('10:11'))).toEqual([
      { at: ms('10:00'), kw: 0 },
      { at: ms('10:05'), kw: 1.5 },
      { at: ms('10:10'), kw: 0 },
    ]);
  });
});

describe('live points on the chart', () => {
  it('keeps every reading of the last 5 minutes and the last of each older minute', () => {
    const now = ms('12:00');
    const readings = [0, 10, 50, 70, 250, 299, 301, 400].map((secondsAgo) => ({ at: now - secondsAgo * 1000, kw: secondsAgo })).reverse();
    expect(thinLivePoints(readings, now).map((point) => point.kw)).toEqual([400, 301, 299, 250, 70, 50, 10, 0]);
    const older = [600, 590, 540].map((secondsAgo) => ({ at: now - secondsAgo * 1000, kw: secondsAgo }));
    // 600 s and 590 s ago share a minute (11:50): the later reading stays.
    expect(thinLivePoints(older, now).map((point) => point.kw)).toEqual([590, 540]);
  });

  it('appends live readings after the last history bucket', () => {
    const history = [{ at: ms('11:50'), kw: 1 }, { at: ms('11:55'), kw: 2 }];
    expect(joinPowerPoints(history, [{ at: ms('11:54'), kw: 9 }, { at: ms('11:57'), kw: 3 }])).toEqual([...history, { at: ms('11:57'), kw: 3 }]);
  });
});
