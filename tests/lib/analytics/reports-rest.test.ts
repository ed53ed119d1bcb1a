import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import { at, seedBerlinNight } from './scenario';
import { refreshRollups } from '@/lib/analytics/refresh-rollups';
import { createApiToken } from '@/lib/api-tokens/create-api-token';
import { systemActor } from '@/lib/auth/roles';
import * as reportRoute from '@/app/api/v1/reports/[report]/route';

let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
let siteId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  ({ siteId } = await seedBerlinNight(t.db));
  await refreshRollups(t.db, { from: at('2026-03-28T00:00:00'), to: at('2026-03-29T05:00:00'), now: at('2026-03-29T05:00:00') });
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

const path = (report: string, query: string) => `/api/v1/reports/${report}?${query}`;

describe('GET /api/v1/reports/{report}', () => {
  it('answers JSON for a viewer, filtered by site', async () => {
    const response = await api.call(reportRoute.GET, {
      role: 'viewer',
      params: { report: 'energy' },
      path: path('energy', `from=2026-03-28T00:00:00Z&to=2026-03-30T00:00:00Z&siteId=${siteId}`),
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ report: 'energy', from: '2026-03-28T00:00:00.000Z', to: '2026-03-30T00:00:00.000Z', totals: { sessions: 1, energyKwh: 5 } });
  });

  it('answers CSV with format=csv', async () => {
    const { token } = await createApiToken(t.db, systemActor, { name: 'csv', role: 'viewer' });
    const request = new Request(`http://localhost${path('faults', 'from=2026-03-28T00:00:00Z&to=2026-03-30T00:00:00Z&format=csv')}`, { headers: { authorization: `Bearer ${token}` } });
    const response = await reportRoute.GET(request, { params: Promise.resolve({ report: 'faults' }) });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="faults-2026-03-28-2026-03-30.csv"');
    expect(await response.text()).toBe('errorCode,vendorErrorCode,vendor,model,firmware,faults,mttrMinutes\r\nGroundFailure,E42,,,,1,30\r\n');
  });

  it('names the bad field and refuses unknown reports', async () => {
    const bad = await api.call(reportRoute.GET, { role: 'viewer', params: { report: 'energy' }, path: path('energy', 'from=2026-03-30T00:00:00Z&to=2026-03-28T00:00:00Z') });
    expect(bad).toMatchObject({ status: 400, body: { error: { field: 'to' } } });
    const unknown = await api.call(reportRoute.GET, { role: 'viewer', params: { report: 'weather' }, path: path('weather', 'from=2026-03-28T00:00:00Z&to=2026-03-30T00:00:00Z') });
    expect(unknown).toMatchObject({ status: 400, body: { error: { field: 'report' } } });
  });
});
