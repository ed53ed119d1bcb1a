import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import { addStations, energyAndParking } from '../billing/fixtures';
import * as tariffsRoute from '@/app/api/v1/tariffs/route';
import * as tariffRoute from '@/app/api/v1/tariffs/[id]/route';
import * as assignmentsRoute from '@/app/api/v1/tariffs/[id]/assignments/route';
import * as assignmentRoute from '@/app/api/v1/tariffs/[id]/assignments/[assignmentId]/route';

let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  await addStations(t.db, 'CP-1');
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

const body = { name: 'Standard', ...energyAndParking };

describe('tariffs over REST', () => {
  it('answers 400 naming the field of the OCPI object', async () => {
    const bad = structuredClone(body) as typeof body;
    (bad.elements[0]!.price_components[0] as { price: number }).price = -0.3;
    expect(await api.call(tariffsRoute.POST, { role: 'admin', body: bad })).toEqual({
      status: 400,
      body: { error: { code: 'invalid_request', field: 'elements.0.price_components.0.price', message: 'elements.0.price_components.0.price: must be ≥ 0' } },
    });
    const typo = await api.call(tariffsRoute.POST, { role: 'admin', body: { ...body, elements: [{ price_components: body.elements[0]!.price_components, tariff_restrictions: {} }] } });
    expect(typo.body.error).toMatchObject({ field: 'elements.0', message: expect.stringContaining('tariff_restrictions') });
    const noName = await api.call(tariffsRoute.POST, { role: 'admin', body: energyAndParking });
    expect(noName.body.error?.field).toBe('name');
    const badTime = await api.call(tariffsRoute.POST, {
      role: 'admin',
      body: { ...body, elements: [{ ...body.elements[0], restrictions: { start_time: '25:00' } }] },
    });
    expect(badTime.body.error?.field).toBe('elements.0.restrictions.start_time');
  });

  it('creates, reads and edits a tariff as an OCPI object with our fields; operators and viewers read only', async () => {
    const created = await api.call(tariffsRoute.POST, { role: 'admin', body: { ...body, is_default: true } });
    expect(created).toMatchObject({ status: 201, body: { name: 'Standard', is_default: true, version: 1, currency: 'EUR', elements: body.elements } });
    const id = created.body.id as string;
    expect((await api.call(tariffsRoute.POST, { role: 'operator', body })).status).toBe(403);
    expect((await api.call(tariffRoute.GET, { role: 'operator', params: { id } })).body).toMatchObject({ id, version: 1, versions: [{ version: 1 }] });

    const patched = await api.call(tariffRoute.PATCH, { role: 'admin', params: { id }, body: { max_price: { excl_vat: 50 }, name: 'Standard AC' } });
    expect(patched.body).toMatchObject({ name: 'Standard AC', version: 2, max_price: { excl_vat: 50 } });
    const badPatch = await api.call(tariffRoute.PATCH, { role: 'admin', params: { id }, body: { min_price: { excl_vat: 60 } } });
    expect(badPatch.body.error).toMatchObject({ field: 'max_price.excl_vat' });
    expect((await api.call(tariffRoute.PATCH, { role: 'admin', params: { id }, body: {} })).status).toBe(400);
    expect((await api.call(tariffRoute.PATCH, { role: 'viewer', params: { id }, body: { name: 'X' } })).status).toBe(403);
    const list = await api.call(tariffsRoute.GET, { role: 'viewer' });
    expect(list.body.data).toEqual([expect.objectContaining({ id, version: 2, assignments: [expect.objectContaining({ scope: 'default' })] })]);
  });

  it('assigns to a station or connector and ends an assignment', async () => {
    const { body: list } = await api.call(tariffsRoute.GET, { role: 'viewer' });
    const id = (list.data as { id: string }[])[0]!.id;
    const orphanConnector = await api.call(assignmentsRoute.POST, { role: 'admin', params: { id }, body: { connectorId: 2 } });
    expect(orphanConnector.body.error).toMatchObject({ field: 'stationId' });
    const both = await api.call(assignmentsRoute.POST, { role: 'admin', params: { id }, body: { siteId: '00000000-0000-4000-8000-000000000000', stationId: 'CP-1' } });
    expect(both.body.error).toMatchObject({ field: 'siteId' });

    const assigned = await api.call(assignmentsRoute.POST, { role: 'admin', params: { id }, body: { stationId: 'CP-1', connectorId: 2 } });
    expect(assigned).toMatchObject({ status: 201, body: { scope: 'connector', stationId: 'CP-1', connectorId: 2 } });
    const assignmentId = assigned.body.id as string;
    expect((await api.call(assignmentRoute.DELETE, { role: 'admin', params: { id, assignmentId } })).status).toBe(204);
    const after = await api.call(tariffRoute.GET, { role: 'viewer', params: { id } });
    expect((after.body.assignments as { scope: string }[]).map((a) => a.scope)).toEqual(['default']);
    expect((await api.call(assignmentRoute.DELETE, { role: 'admin', params: { id, assignmentId: '00000000-0000-4000-8000-000000000000' } })).status).toBe(404);
  });
});
