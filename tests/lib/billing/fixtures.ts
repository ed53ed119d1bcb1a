import type { Db } from '@/lib/db/client';
import { recordConnectorStatus } from '@/lib/db/queries/connectors';
import { insertMeterValues } from '@/lib/db/queries/meter-values';
import { insertMissingStations } from '@/lib/db/queries/stations';
import { insertTransaction, stopTransactionRow } from '@/lib/db/queries/transactions';
import type { Transaction } from '@/lib/db/schema';
import { normalizeSampledValue } from '@/lib/meter-values/normalize-sampled-value';
import type { Tariff } from '@/lib/pricing';

/** An instant on 2026-03-02 (winter: Berlin is UTC+1), from "HH:MM" UTC. */
export const utc = (hhmm: string, day = '2026-03-02') => new Date(`${day}T${hhmm}:00Z`);

export async function addStations(db: Db, ...ids: string[]): Promise<void> {
  await insertMissingStations(db, ids.map((id) => ({ id, registrationStatus: 'accepted' as const })));
}

export function startSession(db: Db, input: { stationId: string; connectorId?: number; startedAt: Date; meterStart: number }): Promise<Transaction> {
  return insertTransaction(db, {
    stationId: input.stationId,
    connectorId: input.connectorId ?? 1,
    idTag: `TAG-${Math.random().toString(36).slice(2, 8)}`,
    authStatus: 'Accepted',
    meterStart: input.meterStart,
    startedAt: input.startedAt,
  });
}

/** Energy.Active.Import.Register readings (kWh, normalised to Wh like the OCPP server does). */
export async function addEnergyReadings(db: Db, transaction: Transaction, readings: [Date, number][]): Promise<void> {
  const context = { stationId: transaction.stationId, connectorId: transaction.connectorId, transactionId: transaction.id, receivedAt: new Date() };
  await insertMeterValues(
    db,
    readings.map(([at, wh]) => normalizeSampledValue({ value: String(wh / 1000), unit: 'kWh', measurand: 'Energy.Active.Import.Register' }, at, context)),
  );
}

export async function setConnectorStatus(db: Db, stationId: string, connectorId: number, status: string, at: Date): Promise<void> {
  await recordConnectorStatus(db, { stationId, connectorId, status, errorCode: 'NoError', info: null, vendorId: null, vendorErrorCode: null, at, receivedAt: at });
}

export async function stopSession(db: Db, transaction: Transaction, stoppedAt: Date, meterStop: number): Promise<Transaction> {
  return (await stopTransactionRow(db, { id: transaction.id, stoppedAt, meterStop, stopReason: 'Local' }))!;
}

/** €0.30/kWh, €1 per session, €6/h parking after 10 min grace (per started minute); 19 % VAT. */
export const energyAndParking: Tariff = {
  currency: 'EUR',
  parking_grace_seconds: 600,
  elements: [
    {
      price_components: [
        { type: 'ENERGY', price: 0.3, vat: 19, step_size: 1 },
        { type: 'FLAT', price: 1, vat: 19, step_size: 1 },
        { type: 'PARKING_TIME', price: 6, vat: 19, step_size: 60 },
      ],
    },
  ],
};

export const flatTariff = (price: number): Tariff => ({ currency: 'EUR', elements: [{ price_components: [{ type: 'FLAT', price, step_size: 1 }] }] });
