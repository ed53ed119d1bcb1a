import type { Db } from '../db/client';
import {
  findTransactionByStartKey,
  getOpenTransactionOnConnector,
  insertTransaction,
  insertTransactionAnomaly,
  lockConnector,
  lockIdTag,
  stopTransactionRow,
} from '../db/queries/transactions';
import { idTagHasConcurrencyLimit } from '../db/queries/id-tags';
import { consumeReservation } from '../db/queries/reservations';
import type { Transaction } from '../db/schema';
import { authorizeIdTag } from '../id-tags/authorize-id-tag';
import { snapshotTransactionTariff } from '../billing/transaction-tariff';
import type { IdTagInfo, IdTagStatus, StartTransactionRequest } from '../ocpp/v16/types';

export interface StartTransactionResult {
  transaction: Transaction;
  idTagInfo: IdTagInfo;
  /** True when this was a retransmission of a StartTransaction we already answered. */
  retransmit: boolean;
  /** The open transaction on the same connector that this start closed, if any. */
  replaced: Transaction | undefined;
}

/**
 * StartTransaction (OCPP 1.6 §4.8). The station has already started: we always record the
 * transaction and answer its id; idTagInfo tells the station whether to go on (§5.x StopTransactionOnInvalidId).
 * - A retransmission (same station, connector, idTag, timestamp, meterStart; e.g. our answer was lost)
 *   gets the same transactionId back, never a second transaction.
 * - An open transaction on the same connector (the station lost it: reboot, power loss) is closed,
 *   and the reason recorded.
 * - A reservation is used up (§5.13): the one its reservationId names, or the tag's own on the connector.
 * - The tariff snapshot (site, driver, tariff version) is taken in the same database transaction.
 * All in one database transaction, serialised per connector, and per idTag for a tag with a
 * concurrency limit (its count of open transactions must be exact; an unlimited fleet tag may start
 * everywhere at once).
 */
export async function startTransaction(
  db: Db,
  input: { stationId: string; request: StartTransactionRequest; now: Date },
): Promise<StartTransactionResult> {
  const { stationId, request, now } = input;
  const startedAt = new Date(request.timestamp);
  const key = { stationId, connectorId: request.connectorId, idTag: request.idTag, startedAt, meterStart: request.meterStart };
  return db.transaction(async (tx) => {
    await lockConnector(tx, key);
    if (await idTagHasConcurrencyLimit(tx, request.idTag)) await lockIdTag(tx, request.idTag);
    const existing = await findTransactionByStartKey(tx, key);
    if (existing) {
      const idTagInfo: IdTagInfo = { status: existing.authStatus as IdTagStatus };
      if (existing.parentIdTag) idTagInfo.parentIdTag = existing.parentIdTag;
      return { transaction: existing, idTagInfo, retransmit: true, replaced: undefined };
    }
    const open = await getOpenTransactionOnConnector(tx, stationId, request.connectorId);
    const idTagInfo = await authorizeIdTag(tx, { idTag: request.idTag, stationId, now, exceptTransactionId: open?.id });
    let replaced: Transaction | undefined;
    if (open) {
      const reason = 'Replaced: a new StartTransaction arrived on the same connector';
      replaced = await stopTransactionRow(tx, {
        id: open.id,
        // Never before its own start, whatever the station's clock says.
        stoppedAt: startedAt > open.startedAt ? startedAt : open.startedAt,
        meterStop: null,
        stopReason: null,
        serverStopReason: reason,
      });
      await insertTransactionAnomaly(tx, {
        stationId,
        transactionId: open.id,
        kind: 'open_transaction_replaced',
        detail: { connectorId: request.connectorId, reason, newStart: request },
        at: now,
      });
    }
    const transaction = await insertTransaction(tx, {
      ...key,
      parentIdTag: idTagInfo.parentIdTag ?? null,
      authStatus: idTagInfo.status,
      reservationId: request.reservationId ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await consumeReservation(tx, { stationId, connectorId: request.connectorId, idTag: request.idTag, reservationId: request.reservationId, transactionId: transaction.id, now });
    // Site, driver and tariff as of the start: later reassignments never change this session's price.
    await snapshotTransactionTariff(tx, transaction, now);
    return { transaction, idTagInfo, retransmit: false, replaced };
  });
}
