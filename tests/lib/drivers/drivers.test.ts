import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import { systemActor } from '@/lib/auth/roles';
import { getBus } from '@/lib/bus/get-bus';
import type { CsmsEvent } from '@/lib/bus/events';
import { listAuditEntries } from '@/lib/db/queries/audit-log';
import { createDriver } from '@/lib/drivers/create-driver';
import { authorizeIdTag } from '@/lib/id-tags/authorize-id-tag';
import { createIdTag } from '@/lib/id-tags/create-id-tag';
import { deleteIdTag } from '@/lib/id-tags/delete-id-tag';
import { eventually } from '../../support/eventually';
import * as driversRoute from '@/app/api/v1/drivers/route';
import * as driverRoute from '@/app/api/v1/drivers/[id]/route';

let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
const events: CsmsEvent[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  getBus().subscribe((event) => events.push(event));
});
afterAll(async () => {
  await getBus().close();
  await api?.close();
  await t?.drop();
});

describe('drivers over REST', () => {
  it('names the offending field in a 400', async () => {
    const post = (body: unknown) => api.call(driversRoute.POST, { role: 'operator', body });
    expect((await post({ name: ' ' })).body.error).toEqual({ code: 'invalid_request', field: 'name', message: 'name: is required' });
    expect((await post({ name: 'A', email: 'not-mail' })).body.error?.field).toBe('email');
    expect((await post({ name: 'A', phone: 'call me' })).body.error?.field).toBe('phone');
    expect((await post({ name: 'A', status: 'gone' })).body.error).toMatchObject({ field: 'status', message: 'status: must be active or blocked' });
    expect((await post({ name: 'A', fleet: 'x' })).body.error).toMatchObject({ field: 'fleet', message: 'fleet: is not a field of this request' });
    expect((await api.call(driverRoute.GET, { role: 'viewer', params: { id: 'nope' } })).body.error?.field).toBe('id');
  });

  it('lets viewers read and operators write; lists by search and company; refuses a second driver with the same email', async () => {
    expect((await api.call(driversRoute.POST, { role: 'viewer', body: { name: 'V' } })).status).toBe(403);
    const ana = await api.call(driversRoute.POST, { role: 'operator', body: { name: 'Ana Ruiz', email: 'Ana@Example.com', phone: '+34 600 123 456', company: 'Acme Fleet', notes: 'night shift' } });
    expect(ana).toMatchObject({ status: 201, body: { name: 'Ana Ruiz', email: 'ana@example.com', status: 'active', company: 'Acme Fleet' } });
    await api.call(driversRoute.POST, { role: 'operator', body: { name: 'Bo Berg', company: 'acme fleet' } });
    await api.call(driversRoute.POST, { role: 'operator', body: { name: 'Cy Chen' } });
    const dup = await api.call(driversRoute.POST, { role: 'operator', body: { name: 'Other', email: 'ANA@example.com' } });
    expect(dup).toMatchObject({ status: 409, body: { error: { code: 'email_taken', field: 'email' } } });
    const acme = await api.call(driversRoute.GET, { role: 'viewer', path: '/api/v1/drivers?company=ACME%20FLEET' });
    expect((acme.body.data as { name: string }[]).map((d) => d.name)).toEqual(['Ana Ruiz', 'Bo Berg']);
    const search = await api.call(driversRoute.GET, { role: 'viewer', path: '/api/v1/drivers?search=600%20123' });
    expect(search.body).toMatchObject({ total: 1, data: [{ name: 'Ana Ruiz', tagCount: 0 }] });
    const patched = await api.call(driverRoute.PATCH, { role: 'operator', params: { id: ana.body.id as string }, body: { notes: null, company: 'Beta' } });
    expect(patched.body).toMatchObject({ notes: null, company: 'Beta', email: 'ana@example.com' });
  });
});

describe('drivers and their tags', () => {
  it('blocking a driver blocks every tag of theirs, and notifies per tag', async () => {
    const driver = await createDriver(t.db, systemActor, { name: 'Dee', status: 'active' });
    await createIdTag(t.db, systemActor, { idTag: 'DEE-CARD', status: 'Accepted', driverId: driver.id });
    await createIdTag(t.db, systemActor, { idTag: 'DEE-FOB', status: 'Accepted', driverId: driver.id });
    // NOTIFY delivery is asynchronous: let the creations' own events land before counting the block's.
    await eventually(async () => events, (list) => list.some((e) => e.kind === 'idTag.updated' && e.idTag === 'DEE-FOB'));
    events.length = 0;
    await api.call(driverRoute.PATCH, { role: 'operator', params: { id: driver.id }, body: { status: 'blocked' } });
    const now = new Date();
    expect((await authorizeIdTag(t.db, { idTag: 'DEE-CARD', stationId: 'ANY', now })).status).toBe('Blocked');
    const detail = await api.call(driverRoute.GET, { role: 'viewer', params: { id: driver.id } });
    expect(detail.body.idTags).toMatchObject([
      { idTag: 'DEE-CARD', status: 'Accepted', effectiveStatus: 'Blocked', statusReason: 'its driver is blocked' },
      { idTag: 'DEE-FOB', effectiveStatus: 'Blocked' },
    ]);
    const notified = await eventually(async () => events.filter((e) => e.kind === 'idTag.updated'), (list) => list.length >= 2);
    expect(notified.map((e) => (e.kind === 'idTag.updated' ? e.idTag : '')).sort()).toEqual(['DEE-CARD', 'DEE-FOB']);
  });

  it('refuses to delete a driver who holds tags, deletes one without, and audits it all', async () => {
    const driver = await createDriver(t.db, systemActor, { name: 'Eve', status: 'active' });
    await createIdTag(t.db, systemActor, { idTag: 'EVE-1', status: 'Accepted', driverId: driver.id });
    const refused = await api.call(driverRoute.DELETE, { role: 'operator', params: { id: driver.id } });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'driver_has_id_tags' } } });
    await deleteIdTag(t.db, systemActor, 'EVE-1');
    expect((await api.call(driverRoute.DELETE, { role: 'operator', params: { id: driver.id } })).status).toBe(204);
    expect((await api.call(driverRoute.GET, { role: 'viewer', params: { id: driver.id } })).status).toBe(404);
    const trail = (await listAuditEntries(t.db, { targetType: 'driver' })).filter((entry) => entry.targetId === driver.id).map((entry) => entry.action);
    expect(trail.sort()).toEqual(['driver.create', 'driver.delete']);
  });
});
