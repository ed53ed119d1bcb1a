import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from './route-client';
import { systemActor } from '@/lib/auth/roles';
import { listAuditEntries } from '@/lib/db/queries/audit-log';
import { recordConnectorStatus } from '@/lib/db/queries/connectors';
import { insertMissingStations } from '@/lib/db/queries/stations';
import { getStationSite, listSitesWithSummary } from '@/lib/db/queries/sites';
import { stations } from '@/lib/db/schema';
import { assignSiteStations } from '@/lib/sites/assign-site-stations';
import { createSite } from '@/lib/sites/create-site';
import { deleteSite } from '@/lib/sites/delete-site';
import { updateSite } from '@/lib/sites/update-site';
import { createSiteSchema } from '@/lib/sites/schemas';
import * as sitesRoute from '@/app/api/v1/sites/route';
import * as siteRoute from '@/app/api/v1/sites/[id]/route';
import * as siteStationsRoute from '@/app/api/v1/sites/[id]/stations/route';

let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
const berlin = () => createSiteSchema.parse({ name: 'Berlin Mitte', city: 'Berlin', country: 'de', timeZone: 'europe/berlin', latitude: 52.52, longitude: 13.405 });

beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  await insertMissingStations(t.db, ['CP-1', 'CP-2', 'CP-3'].map((id) => ({ id, registrationStatus: 'accepted' as const })));
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

describe('sites', () => {
  it('creates a site with the canonical time zone and refuses a duplicate name', async () => {
    const site = await createSite(t.db, systemActor, berlin());
    expect(site).toMatchObject({ name: 'Berlin Mitte', country: 'DE', timeZone: 'Europe/Berlin', addressLine: null });
    await expect(createSite(t.db, systemActor, { ...berlin(), name: 'berlin mitte' })).rejects.toMatchObject({ status: 409, field: 'name' });
  });

  it('checks the coordinate pair on the result of a change', async () => {
    const [site] = await listSitesWithSummary(t.db);
    await expect(updateSite(t.db, systemActor, site!.id, { latitude: null })).rejects.toMatchObject({ status: 400, field: 'latitude' });
    const moved = await updateSite(t.db, systemActor, site!.id, { latitude: null, longitude: null, city: null });
    expect(moved).toMatchObject({ latitude: null, longitude: null, city: null, name: 'Berlin Mitte' });
  });

  it('assigns stations: listed ones move in, unlisted ones leave, unknown ones are named', async () => {
    const [a] = await listSitesWithSummary(t.db);
    const b = await createSite(t.db, systemActor, { ...berlin(), name: 'Hamburg', timeZone: 'Europe/Berlin' });
    await assignSiteStations(t.db, systemActor, a!.id, ['CP-1', 'CP-2']);
    expect((await assignSiteStations(t.db, systemActor, b.id, ['CP-2', 'CP-3'])).map((s) => s.id)).toEqual(['CP-2', 'CP-3']);
    expect((await getStationSite(t.db, 'CP-2'))?.id).toBe(b.id);
    expect((await getStationSite(t.db, 'CP-1'))?.id).toBe(a!.id);
    await expect(assignSiteStations(t.db, systemActor, b.id, ['CP-3', 'NOPE'])).rejects.toMatchObject({ status: 400, field: 'stationIds.1' });
    await assignSiteStations(t.db, systemActor, b.id, ['CP-3']);
    expect(await getStationSite(t.db, 'CP-2')).toBeUndefined();
  });

  it('summarises stations per site: online, offline, charging', async () => {
    await t.db.update(stations).set({ online: true });
    const status = (connectorId: number, value: string) =>
      recordConnectorStatus(t.db, { stationId: 'CP-1', connectorId, status: value, errorCode: 'NoError', info: null, vendorId: null, vendorErrorCode: null, at: new Date(), receivedAt: new Date() });
    await status(1, 'Charging');
    await status(2, 'Available');
    const { eq } = await import('drizzle-orm');
    await t.db.update(stations).set({ online: false }).where(eq(stations.id, 'CP-3'));
    const summaries = Object.fromEntries((await listSitesWithSummary(t.db)).map((site) => [site.name, site.summary]));
    expect(summaries).toEqual({
      'Berlin Mitte': { stations: 1, online: 1, offline: 0, charging: 1, faulted: 0 },
      Hamburg: { stations: 1, online: 0, offline: 1, charging: 0, faulted: 0 },
    });
  });

  it('refuses to delete a site with stations, deletes an empty one, and audits every change', async () => {
    const hamburg = (await listSitesWithSummary(t.db)).find((site) => site.name === 'Hamburg')!;
    await expect(deleteSite(t.db, systemActor, hamburg.id)).rejects.toMatchObject({ status: 409, code: 'site_not_empty' });
    await assignSiteStations(t.db, systemActor, hamburg.id, []);
    await deleteSite(t.db, systemActor, hamburg.id);
    expect((await listSitesWithSummary(t.db)).map((site) => site.name)).toEqual(['Berlin Mitte']);
    const actions = (await listAuditEntries(t.db, { targetType: 'site' })).map((entry) => entry.action).sort();
    expect(actions).toEqual(['site.assign_stations', 'site.assign_stations', 'site.assign_stations', 'site.assign_stations', 'site.create', 'site.create', 'site.delete', 'site.update']);
  });
});

describe('sites over REST', () => {
  it('names the offending field in a 400', async () => {
    const badZone = await api.call(sitesRoute.POST, { role: 'admin', body: { name: 'X', timeZone: 'Mars/Olympus' } });
    expect(badZone).toEqual({ status: 400, body: { error: { code: 'invalid_request', field: 'timeZone', message: 'timeZone: must be an IANA time zone such as Europe/Berlin' } } });
    const badLatitude = await api.call(sitesRoute.POST, { role: 'admin', body: { name: 'X', timeZone: 'UTC', latitude: 91, longitude: 0 } });
    expect(badLatitude.body.error?.field).toBe('latitude');
    const unknownKey = await api.call(sitesRoute.POST, { role: 'admin', body: { name: 'X', timeZone: 'UTC', lat: 1 } });
    expect(unknownKey.status).toBe(400);
  });

  it('lets viewers read and only admins write', async () => {
    expect((await api.call(sitesRoute.GET, { role: 'viewer' })).status).toBe(200);
    expect((await api.call(sitesRoute.POST, { role: 'operator', body: { name: 'Y', timeZone: 'UTC' } })).status).toBe(403);
    const created = await api.call(sitesRoute.POST, { role: 'admin', body: { name: 'Lyon', timeZone: 'Europe/Paris' } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const assigned = await api.call(siteStationsRoute.PUT, { role: 'admin', params: { id }, body: { stationIds: ['CP-2'] } });
    expect(assigned).toMatchObject({ status: 200, body: { data: [{ id: 'CP-2' }] } });
    const detail = await api.call(siteRoute.GET, { role: 'viewer', params: { id } });
    expect(detail.body).toMatchObject({ name: 'Lyon', stations: [{ id: 'CP-2' }], summary: { stations: 1 } });
    const patched = await api.call(siteRoute.PATCH, { role: 'admin', params: { id }, body: { city: 'Lyon' } });
    expect(patched.body).toMatchObject({ city: 'Lyon', timeZone: 'Europe/Paris' });
    expect((await api.call(siteRoute.GET, { role: 'viewer', params: { id: 'not-a-uuid' } })).body.error?.field).toBe('id');
    expect((await api.call(siteRoute.DELETE, { role: 'admin', params: { id } })).status).toBe(409);
  });
});
