import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { boot, connectStation } from '../support/ocpp-client';
import { waitOnline } from '../support/command-deps';
import { eventually } from '../support/eventually';
import { routeClient } from '../lib/sites/route-client';
import * as reservationsRoute from '@/app/api/v1/reservations/route';
import * as reservationRoute from '@/app/api/v1/reservations/[id]/route';
import { systemActor } from '@/lib/auth/roles';
import { getBus } from '@/lib/bus/get-bus';
import { createIdTag } from '@/lib/id-tags/create-id-tag';
import { getReservationById } from '@/lib/db/queries/reservations';
import { getConnector } from '@/lib/db/queries/driver-transactions';
import { createDriver } from '@/lib/drivers/create-driver';
import { updateIdTag } from '@/lib/id-tags/update-id-tag';
import { getDriverConnectorView } from '@/lib/driver-portal/connector-view';

let t: TestDatabase;
let server: OcppServerProcess;
let api: Awaited<ReturnType<typeof routeClient>>;
let station: RPCClient;
/** The station double: what it answers to ReserveNow, and what it holds. */
let reserveAnswer = 'Accepted';
const held = new Map<number, number>(); // reservationId → connectorId

beforeAll(async () => {
  t = await createTestDatabase();
  server = await startOcppServer({ databaseUrl: t.url, env: { RESERVATION_EXPIRY_INTERVAL: '1' } });
  api = await routeClient(t);
  await createIdTag(t.db, systemActor, { idTag: 'RES-CARD', status: 'Accepted' });
  await createIdTag(t.db, systemActor, { idTag: 'OTHER-CARD', status: 'Accepted' });
  station = await connectStation(server.url, 'RES-1');
  station.handle('ReserveNow', async ({ params }) => {
    const { reservationId, connectorId } = params as { reservationId: number; connectorId: number };
    if (reserveAnswer !== 'Accepted') return { status: reserveAnswer };
    held.set(reservationId, connectorId);
    setTimeout(() => void station.call('StatusNotification', { connectorId, status: 'Reserved', errorCode: 'NoError' }), 10);
    return { status: 'Accepted' };
  });
  station.handle('CancelReservation', async ({ params }) => {
    const { reservationId } = params as { reservationId: number };
    const connectorId = held.get(reservationId);
    if (connectorId === undefined) return { status: 'Rejected' };
    held.delete(reservationId);
    setTimeout(() => void station.call('StatusNotification', { connectorId, status: 'Available', errorCode: 'NoError' }), 10);
    return { status: 'Accepted' };
  });
  await boot(station);
  for (const connectorId of [0, 1, 2]) await station.call('StatusNotification', { connectorId, status: 'Available', errorCode: 'NoError' });
  await waitOnline(t.db, 'RES-1');
});
afterAll(async () => {
  await station?.close({ force: true }).catch(() => {});
  await server?.stop();
  await getBus().close();
  await api?.close();
  await t?.drop();
});

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const reserve = (body: Record<string, unknown>, role: 'operator' | 'viewer' = 'operator') =>
  api.call(reservationsRoute.POST, { role, body: { stationId: 'RES-1', connectorId: 1, idTag: 'RES-CARD', expiryDate: inMinutes(30), ...body } });
const cancel = (id: number) => api.call(reservationRoute.DELETE, { role: 'operator', params: { id: String(id) } });

describe('reservations over a real OCPP socket', () => {
  it('names the bad field and refuses viewers', async () => {
    expect((await reserve({ expiryDate: new Date(Date.now() - 1000).toISOString() })).body.error).toMatchObject({ field: 'expiryDate', message: 'expiryDate: must lie in the future' });
    expect((await reserve({ idTag: 'NOBODY' })).body.error).toMatchObject({ field: 'idTag', message: 'idTag: NOBODY is not a registered id tag' });
    expect((await reserve({ connectorId: -1 })).body.error).toMatchObject({ field: 'connectorId' });
    expect((await reserve({ expiryDate: 'tomorrow' })).body.error).toMatchObject({ field: 'expiryDate' });
    expect((await reserve({}, 'viewer')).status).toBe(403);
  });

  it('reserves (the connector shows Reserved), refuses a second one, and a StartTransaction with the reservationId uses it', async () => {
    const created = await reserve({});
    expect(created).toMatchObject({ status: 201, body: { stationId: 'RES-1', connectorId: 1, idTag: 'RES-CARD', status: 'active', stationAnswer: 'Accepted' } });
    const id = created.body.id as number;
    expect(held.get(id)).toBe(1);
    expect((await eventually(() => getConnector(t.db, 'RES-1', 1), (c) => c?.status === 'Reserved'))?.status).toBe('Reserved');
    expect(await reserve({ idTag: 'OTHER-CARD' })).toMatchObject({ status: 409, body: { error: { code: 'connector_reserved', field: 'connectorId' } } });

    const started = (await station.call('StartTransaction', { connectorId: 1, idTag: 'RES-CARD', meterStart: 0, timestamp: new Date().toISOString(), reservationId: id })) as { transactionId: number };
    expect(await getReservationById(t.db, id)).toMatchObject({ status: 'used', transactionId: started.transactionId });
    await station.call('StopTransaction', { transactionId: started.transactionId, meterStop: 100, timestamp: new Date().toISOString() });
    expect((await cancel(id)).body.error).toMatchObject({ code: 'reservation_not_active' });
  });

  it('records the station’s refusal', async () => {
    reserveAnswer = 'Occupied';
    const refused = await reserve({ connectorId: 2 });
    reserveAnswer = 'Accepted';
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'reservation_refused', message: 'The station answered Occupied' } } });
    const { data } = (await api.call(reservationsRoute.GET, { role: 'viewer', path: '/api/v1/reservations?stationId=RES-1&status=refused' })).body as { data: { stationAnswer: string }[] };
    expect(data.map((r) => r.stationAnswer)).toEqual(['Occupied']);
  });

  it('cancels with CancelReservation', async () => {
    const { body } = await reserve({ connectorId: 2 });
    const cancelled = await cancel(body.id as number);
    expect(cancelled).toMatchObject({ status: 200, body: { id: body.id, status: 'cancelled', stationAnswer: 'CancelReservation: Accepted' } });
    expect(held.has(body.id as number)).toBe(false);
    expect((await eventually(() => getConnector(t.db, 'RES-1', 2), (c) => c?.status === 'Available'))?.status).toBe('Available');
  });

  it('the driver portal lets only the reservation’s own driver start on a Reserved connector', async () => {
    const holder = await createDriver(t.db, systemActor, { name: 'Holder', email: 'holder@example.com', status: 'active' });
    const other = await createDriver(t.db, systemActor, { name: 'Other', email: 'other@example.com', status: 'active' });
    await updateIdTag(t.db, systemActor, 'RES-CARD', { driverId: holder.id });
    await updateIdTag(t.db, systemActor, 'OTHER-CARD', { driverId: other.id });
    const { body } = await reserve({ connectorId: 2 });
    await eventually(() => getConnector(t.db, 'RES-1', 2), (c) => c?.status === 'Reserved');
    const view = (driverId: string) => getDriverConnectorView(t.db, { stationId: 'RES-1', connectorId: 2, driverId, now: new Date() });
    expect((await view(holder.id))?.availability).toEqual({ canStart: true, reason: null });
    expect((await view(other.id))?.availability).toEqual({ canStart: false, reason: 'This connector is reserved for someone else.' });
    expect((await cancel(body.id as number)).body).toMatchObject({ status: 'cancelled' });
  });

  it('expires an unused reservation by the OCPP server’s scheduler', async () => {
    const { body } = await reserve({ connectorId: 2, expiryDate: new Date(Date.now() + 1500).toISOString() });
    expect(body.status).toBe('active');
    const expired = await eventually(() => getReservationById(t.db, body.id as number), (r) => r?.status === 'expired', 10_000);
    expect(expired?.status).toBe('expired');
    expect(expired!.endedAt!.getTime()).toBeGreaterThanOrEqual(expired!.expiresAt.getTime());
  });
});
