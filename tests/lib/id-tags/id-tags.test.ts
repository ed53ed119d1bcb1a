import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import { systemActor } from '@/lib/auth/roles';
import { getBus } from '@/lib/bus/get-bus';
import type { CsmsEvent } from '@/lib/bus/events';
import { listAuditEntries } from '@/lib/db/queries/audit-log';
import { insertMissingStations } from '@/lib/db/queries/stations';
import { stationSites } from '@/lib/db/schema';
import { authorizeIdTag } from '@/lib/id-tags/authorize-id-tag';
import { blockIdTags } from '@/lib/id-tags/block-id-tags';
import { createIdTag } from '@/lib/id-tags/create-id-tag';
import { createSite } from '@/lib/sites/create-site';
import { eventually } from '../../support/eventually';
import * as tagsRoute from '@/app/api/v1/id-tags/route';
import * as tagRoute from '@/app/api/v1/id-tags/[idTag]/route';

let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
const events: CsmsEvent[] = [];
const future = () => new Date(Date.now() + 30 * 86_400_000).toISOString();
const authorize = (idTag: string, stationId = 'CP-1') => authorizeIdTag(t.db, { idTag, stationId, now: new Date() });
const updatedTags = () => events.flatMap((event) => (event.kind === 'idTag.updated' ? [event.idTag] : []));

beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  getBus().subscribe((event) => events.push(event));
  await insertMissingStations(t.db, ['CP-1', 'CP-2'].map((id) => ({ id, registrationStatus: 'accepted' as const })));
});
afterAll(async () => {
  await getBus().close();
  await api?.close();
  await t?.drop();
});

describe('id tags over REST: bad input is a 400 naming the field', () => {
  const post = (body: unknown) => api.call(tagsRoute.POST, { role: 'operator', body });
  it.each([
    [{ idTag: 'A'.repeat(21), status: 'Accepted' }, 'idTag', 'idTag: must be at most 20 characters (OCPP idToken)'],
    [{ idTag: 'AB CD', status: 'Accepted' }, 'idTag', 'idTag: may contain only letters, digits and - _ . : * + = @ ~'],
    [{ idTag: 'A/B', status: 'Accepted' }, 'idTag', 'idTag: may contain only letters, digits and - _ . : * + = @ ~'],
    [{ status: 'Accepted' }, 'idTag', 'idTag: is required'],
    [{ idTag: 'OK1', status: 'Invalid' }, 'status', 'status: must be one of Accepted, Blocked, Expired'],
    [{ idTag: 'OK1', status: 'Accepted', expiryDate: 'tomorrow' }, 'expiryDate', 'expiryDate: must be an ISO 8601 date and time, e.g. 2027-01-31T23:59:59Z'],
    [{ idTag: 'OK1', status: 'Accepted', expiryDate: '2020-01-01T00:00:00Z' }, 'expiryDate', 'expiryDate: must be in the future (to end a tag now, set its status to Expired)'],
    [{ idTag: 'OK1', status: 'Accepted', maxActiveTransactions: 0 }, 'maxActiveTransactions', 'maxActiveTransactions: must be at least 1 (or null for no limit)'],
    [{ idTag: 'OK1', status: 'Accepted', driverId: '00000000-0000-4000-8000-000000000000' }, 'driverId', 'driverId: no such driver'],
    [{ idTag: 'OK1', status: 'Accepted', parentIdTag: 'NOPE' }, 'parentIdTag', 'parentIdTag: no tag NOPE is registered (register the group\'s tag first)'],
    [{ idTag: 'OK1', status: 'Accepted', parentIdTag: 'OK1' }, 'parentIdTag', 'parentIdTag: a tag cannot be its own parent'],
    [{ idTag: 'OK1', status: 'Accepted', siteIds: [] }, 'siteIds', 'siteIds: must name at least one site, or be null for all sites'],
    [{ idTag: 'OK1', status: 'Accepted', colour: 'red' }, 'colour', 'colour: is not a field of this request'],
  ])('%j → %s', async (body, field, message) => {
    expect(await post(body)).toEqual({ status: 400, body: { error: { code: 'invalid_request', field, message } } });
  });

  it('a value already registered is a 400 on idTag', async () => {
    expect((await post({ idTag: 'DUP-1', status: 'Accepted' })).status).toBe(201);
    expect(await post({ idTag: 'DUP-1', status: 'Blocked' })).toEqual({
      status: 400,
      body: { error: { code: 'id_tag_taken', field: 'idTag', message: 'idTag: DUP-1 is already registered' } },
    });
  });

  it('a parent that would form a cycle is a 400 on parentIdTag', async () => {
    await post({ idTag: 'LOOP-A', status: 'Accepted' });
    await post({ idTag: 'LOOP-B', status: 'Accepted', parentIdTag: 'LOOP-A' });
    await post({ idTag: 'LOOP-C', status: 'Accepted', parentIdTag: 'LOOP-B' });
    const cycle = await api.call(tagRoute.PATCH, { role: 'operator', params: { idTag: 'LOOP-A' }, body: { parentIdTag: 'LOOP-C' } });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error).toMatchObject({ field: 'parentIdTag', message: expect.stringContaining('LOOP-A → LOOP-C → LOOP-B → LOOP-A') });
  });
});

describe('id tags over REST', () => {
  it('lets viewers read and operators write, and audits every change', async () => {
    expect((await api.call(tagsRoute.POST, { role: 'viewer', body: { idTag: 'V1', status: 'Accepted' } })).status).toBe(403);
    const expiryDate = future();
    const created = await api.call(tagsRoute.POST, { role: 'operator', body: { idTag: 'RFID-0001', status: 'Accepted', expiryDate, maxActiveTransactions: null, label: 'blue fob' } });
    expect(created).toMatchObject({
      status: 201,
      body: { idTag: 'RFID-0001', status: 'Accepted', effectiveStatus: 'Accepted', expiryDate, maxActiveTransactions: null, siteIds: null, parentIdTag: null, label: 'blue fob' },
    });
    expect((await api.call(tagRoute.GET, { role: 'viewer', params: { idTag: 'RFID-0001' } })).body).toMatchObject({ idTag: 'RFID-0001' });
    const patched = await api.call(tagRoute.PATCH, { role: 'operator', params: { idTag: 'RFID-0001' }, body: { status: 'Blocked', expiryDate: null } });
    expect(patched.body).toMatchObject({ status: 'Blocked', effectiveStatus: 'Blocked', expiryDate: null, label: 'blue fob' });
    expect((await api.call(tagRoute.PATCH, { role: 'viewer', params: { idTag: 'RFID-0001' }, body: { status: 'Accepted' } })).status).toBe(403);
    expect((await api.call(tagRoute.DELETE, { role: 'operator', params: { idTag: 'RFID-0001' } })).status).toBe(204);
    expect((await api.call(tagRoute.GET, { role: 'viewer', params: { idTag: 'RFID-0001' } })).status).toBe(404);
    const audit = await listAuditEntries(t.db, { targetType: 'id_tag' });
    const trail = audit.filter((entry) => entry.targetId === 'RFID-0001').map((entry) => entry.action);
    expect(trail.sort()).toEqual(['id_tag.create', 'id_tag.delete', 'id_tag.update']);
    await eventually(async () => updatedTags(), (tags) => tags.includes('RFID-0001'));
    expect(updatedTags()).toContain('RFID-0001');
  });

  it('lists with a search and a status filter', async () => {
    await createIdTag(t.db, systemActor, { idTag: 'FIND-ME-1', status: 'Accepted', label: 'lobby' });
    await createIdTag(t.db, systemActor, { idTag: 'FIND-ME-2', status: 'Blocked' });
    const found = await api.call(tagsRoute.GET, { role: 'viewer', path: '/api/v1/id-tags?search=find-me&status=Blocked' });
    expect(found.body).toMatchObject({ total: 1, data: [{ idTag: 'FIND-ME-2' }] });
    const bad = await api.call(tagsRoute.GET, { role: 'viewer', path: '/api/v1/id-tags?status=Gone' });
    expect(bad.body.error?.field).toBe('status');
  });

  it('matches values exactly: AbC-9 and abc-9 are two tags, each answering for itself', async () => {
    await createIdTag(t.db, systemActor, { idTag: 'AbC-9', status: 'Accepted' });
    expect((await api.call(tagRoute.GET, { role: 'viewer', params: { idTag: 'abc-9' } })).status).toBe(404);
    expect((await authorize('abc-9')).status).toBe('Invalid');
    await createIdTag(t.db, systemActor, { idTag: 'abc-9', status: 'Blocked' });
    expect((await authorize('AbC-9')).status).toBe('Accepted');
    expect((await authorize('abc-9')).status).toBe('Blocked');
  });
});

describe('groups, sites and bulk changes', () => {
  it('blocking the parent blocks the group, shown as the reason and notified per member', async () => {
    await createIdTag(t.db, systemActor, { idTag: 'FLEET-7', status: 'Accepted' });
    await createIdTag(t.db, systemActor, { idTag: 'FLEET-7-A', status: 'Accepted', parentIdTag: 'FLEET-7' });
    await createIdTag(t.db, systemActor, { idTag: 'FLEET-7-A-1', status: 'Accepted', parentIdTag: 'FLEET-7-A' });
    expect((await authorize('FLEET-7-A-1')).status).toBe('Accepted');
    // NOTIFY delivery is asynchronous: let the creations' own events land before counting the block's.
    await eventually(async () => updatedTags(), (tags) => tags.includes('FLEET-7-A-1'));
    events.length = 0;
    await api.call(tagRoute.PATCH, { role: 'operator', params: { idTag: 'FLEET-7' }, body: { status: 'Blocked' } });
    expect(await authorize('FLEET-7-A')).toEqual({ status: 'Blocked', parentIdTag: 'FLEET-7' });
    expect((await authorize('FLEET-7-A-1')).status).toBe('Blocked');
    const member = await api.call(tagRoute.GET, { role: 'viewer', params: { idTag: 'FLEET-7-A-1' } });
    expect(member.body).toMatchObject({ status: 'Accepted', effectiveStatus: 'Blocked', statusReason: 'parent FLEET-7 is blocked' });
    await eventually(async () => updatedTags(), (tags) => tags.length >= 3);
    expect(updatedTags().sort()).toEqual(['FLEET-7', 'FLEET-7-A', 'FLEET-7-A-1']);
    expect((await api.call(tagRoute.DELETE, { role: 'operator', params: { idTag: 'FLEET-7' } })).body.error?.code).toBe('id_tag_has_members');
  });

  it('a tag limited to sites answers Invalid elsewhere', async () => {
    const depot = await createSite(t.db, systemActor, { name: 'Depot', timeZone: 'UTC', addressLine: null, postalCode: null, city: null, country: null, latitude: null, longitude: null });
    await t.db.insert(stationSites).values({ stationId: 'CP-1', siteId: depot.id });
    const created = await api.call(tagsRoute.POST, { role: 'operator', body: { idTag: 'DEPOT-ONLY', status: 'Accepted', siteIds: [depot.id] } });
    expect(created.body).toMatchObject({ siteIds: [depot.id] });
    expect((await authorize('DEPOT-ONLY', 'CP-1')).status).toBe('Accepted');
    expect((await authorize('DEPOT-ONLY', 'CP-2')).status).toBe('Invalid');
    const unknownSite = await api.call(tagRoute.PATCH, { role: 'operator', params: { idTag: 'DEPOT-ONLY' }, body: { siteIds: ['00000000-0000-4000-8000-000000000000'] } });
    expect(unknownSite.body.error?.field).toBe('siteIds');
    await api.call(tagRoute.PATCH, { role: 'operator', params: { idTag: 'DEPOT-ONLY' }, body: { siteIds: null } });
    expect((await authorize('DEPOT-ONLY', 'CP-2')).status).toBe('Accepted');
  });

  it('bulk block and unblock: all or nothing, Expired tags stay Expired', async () => {
    await createIdTag(t.db, systemActor, { idTag: 'BULK-1', status: 'Accepted' });
    await createIdTag(t.db, systemActor, { idTag: 'BULK-2', status: 'Expired' });
    await expect(blockIdTags(t.db, systemActor, { idTags: ['BULK-1', 'NOT-THERE'], action: 'block' })).rejects.toMatchObject({ status: 400, field: 'idTags.1' });
    expect((await authorize('BULK-1')).status).toBe('Accepted');
    expect(await blockIdTags(t.db, systemActor, { idTags: ['BULK-1', 'BULK-2'], action: 'block' })).toEqual({ changed: ['BULK-1', 'BULK-2'] });
    expect((await authorize('BULK-2')).status).toBe('Blocked');
    await t.db.execute(`update id_tags set status = 'Expired' where id_tag = 'BULK-2'`);
    expect(await blockIdTags(t.db, systemActor, { idTags: ['BULK-1', 'BULK-2'], action: 'unblock' })).toEqual({ changed: ['BULK-1'] });
    expect((await authorize('BULK-1')).status).toBe('Accepted');
    expect((await authorize('BULK-2')).status).toBe('Expired');
  });
});
