import type { Db } from '@/lib/db/client';
import { recordConnectorStatus } from '@/lib/db/queries/connectors';
import { insertMeterValues } from '@/lib/db/queries/meter-values';
import { stationConnections } from '@/lib/db/schema';
import { normalizeSampledValue } from '@/lib/meter-values/normalize-sampled-value';
import { addStations, startSession, stopSession } from '../billing/fixtures';
import { systemActor } from '@/lib/auth/roles';
import { assignSiteStations } from '@/lib/sites/assign-site-stations';
import { createSite } from '@/lib/sites/create-site';
import { createSiteSchema } from '@/lib/sites/schemas';
import { assignTariff } from '@/lib/tariffs/assign-tariff';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { flatTariff } from '../billing/fixtures';

export const at = (iso: string) => new Date(`${iso}Z`);

export async function status(db: Db, stationId: string, status: string, when: string, extra: { errorCode?: string; vendorErrorCode?: string } = {}) {
  const instant = at(when);
  await recordConnectorStatus(db, {
    stationId,
    connectorId: 1,
    status,
    errorCode: extra.errorCode ?? 'NoError',
    info: null,
    vendorId: extra.vendorErrorCode ? 'ACME' : null,
    vendorErrorCode: extra.vendorErrorCode ?? null,
    at: instant,
    receivedAt: instant,
  });
}

export async function connection(db: Db, stationId: string, from: string, to: string | null) {
  await db.insert(stationConnections).values({ stationId, nodeId: 'test', protocol: 'ocpp1.6', connectedAt: at(from), disconnectedAt: to ? at(to) : null });
}

/** A session on connector 1 with Energy.Active.Import.Register readings (Wh) and Power.Active.Import (W). */
export async function session(db: Db, stationId: string, input: { start: string; meterStart: number; readings: [string, number, number?][]; stop?: [string, number] }) {
  const transaction = await startSession(db, { stationId, startedAt: at(input.start), meterStart: input.meterStart });
  const context = { stationId, connectorId: 1, transactionId: transaction.id, receivedAt: new Date() };
  await insertMeterValues(
    db,
    input.readings.flatMap(([when, wh, w]) => [
      normalizeSampledValue({ value: String(wh), unit: 'Wh', measurand: 'Energy.Active.Import.Register' }, at(when), context),
      ...(w === undefined ? [] : [normalizeSampledValue({ value: String(w), unit: 'W', measurand: 'Power.Active.Import' }, at(when), context)]),
    ]),
  );
  return input.stop ? stopSession(db, transaction, at(input.stop[0]), input.stop[1]) : transaction;
}

/**
 * Station BER-1 at a Berlin site (DST begins 2026-03-29 01:00 UTC: local 02:00 → 03:00) with a
 * €2 flat tariff (19 % VAT), seen from 2026-03-28 22:00 UTC:
 *  - Available; a session 22:30–23:45 (1,000 → 6,000 Wh; readings 3,000 at 23:00 with 11 kW, 5,000 at
 *    23:30 with 7.4 kW) crossing local midnight (23:00 UTC); Finishing 23:45, Available 00:15;
 *  - Faulted 02:00–02:30 (GroundFailure, vendor code E42);
 *  - offline 03:00–04:00 (socket closed, status still Available).
 */
export async function seedBerlinNight(db: Db): Promise<{ siteId: string; tariffId: string }> {
  await addStations(db, 'BER-1');
  const site = await createSite(db, systemActor, createSiteSchema.parse({ name: 'Berlin', timeZone: 'Europe/Berlin' }));
  await assignSiteStations(db, systemActor, site.id, ['BER-1']);
  const taxed = { ...flatTariff(2), elements: [{ price_components: [{ type: 'FLAT' as const, price: 2, vat: 19, step_size: 1 }] }] };
  const tariffId = (await createTariff(db, systemActor, { name: 'Flat 2', tariff: taxed }, at('2026-01-01T00:00:00'))).id;
  await assignTariff(db, systemActor, tariffId, { siteId: site.id }, at('2026-01-01T00:00:00'));
  await connection(db, 'BER-1', '2026-03-28T22:00:00', '2026-03-29T03:00:00');
  await connection(db, 'BER-1', '2026-03-29T04:00:00', null);
  await status(db, 'BER-1', 'Available', '2026-03-28T22:00:00');
  await status(db, 'BER-1', 'Charging', '2026-03-28T22:30:00');
  await session(db, 'BER-1', {
    start: '2026-03-28T22:30:00',
    meterStart: 1000,
    readings: [['2026-03-28T23:00:00', 3000, 11_000], ['2026-03-28T23:30:00', 5000, 7400]],
    stop: ['2026-03-28T23:45:00', 6000],
  });
  await status(db, 'BER-1', 'Finishing', '2026-03-28T23:45:00');
  await status(db, 'BER-1', 'Available', '2026-03-29T00:15:00');
  await status(db, 'BER-1', 'Faulted', '2026-03-29T02:00:00', { errorCode: 'GroundFailure', vendorErrorCode: 'E42' });
  await status(db, 'BER-1', 'Available', '2026-03-29T02:30:00');
  return { siteId: site.id, tariffId };
}

/**
 * Station UTC-1 (no site, so UTC days) across the March → April boundary, seen until 04:00:
 * connected 20:00–22:00 and again from 02:00 (offline 4 h across midnight and the month end);
 * Available, a session 21:00 → 00:30 (0 → 3,000 Wh; a buffered reading of 2,000 Wh at 00:00).
 */
export async function seedMonthEnd(db: Db): Promise<void> {
  await addStations(db, 'UTC-1');
  await connection(db, 'UTC-1', '2026-03-31T20:00:00', '2026-03-31T22:00:00');
  await connection(db, 'UTC-1', '2026-04-01T02:00:00', null);
  await status(db, 'UTC-1', 'Available', '2026-03-31T20:00:00');
  await status(db, 'UTC-1', 'Charging', '2026-03-31T21:00:00');
  await session(db, 'UTC-1', { start: '2026-03-31T21:00:00', meterStart: 0, readings: [['2026-04-01T00:00:00', 2000]], stop: ['2026-04-01T00:30:00', 3000] });
  await status(db, 'UTC-1', 'Available', '2026-04-01T00:30:00');
}
