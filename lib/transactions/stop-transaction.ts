import type { Db } from '../db/client';
import { getTransactionById, insertTransactionAnomaly, restateTransactionStop, stopTransactionRow } from '../db/queries/transactions';
import type { MeterValueRow, Transaction } from '../db/schema';
import { authorizeIdTag } from '../id-tags/authorize-id-tag';
import { normalizeMeterValues } from '../meter-values/normalize-sampled-value';
import type { StopTransactionRequest, StopTransactionResponse } from '../ocpp/v16/types';

export type StopOutcome = 'stopped' | 'restated' | 'already_stopped' | 'unknown_transaction';

/**
 * StopTransaction (OCPP 1.6 §4.10). The transactionData samples are stored first (attached to the
 * transaction), then the transaction is closed: a crash in between leaves samples that a
 * retransmitted StopTransaction finds again (duplicates are dropped) before closing.
 * An unknown transactionId (or one of another station) is answered and recorded as an anomaly:
 * the station must be able to clear it from its queue (§4.10: the Central System cannot refuse).
 * A late StopTransaction for a transaction the reconciliation closed ('restated') replaces the
 * estimated stop data with the station's (once; a retransmit changes nothing) and keeps the review flag.
 */
export async function stopTransaction(
  db: Db,
  writeMeterValues: (rows: MeterValueRow[]) => Promise<void>,
  input: { stationId: string; request: StopTransactionRequest; now: Date },
): Promise<{ response: StopTransactionResponse; outcome: StopOutcome; transaction: Transaction | undefined }> {
  const { stationId, request, now } = input;
  const found = await getTransactionById(db, request.transactionId);
  const transaction = found?.stationId === stationId ? found : undefined;
  const connectorId = transaction?.connectorId ?? 0;
  const samples = normalizeMeterValues(request.transactionData ?? [], {
    stationId,
    connectorId,
    transactionId: transaction?.id ?? null,
    receivedAt: now,
  });
  await writeMeterValues(samples);

  let outcome: StopOutcome = 'unknown_transaction';
  let current = transaction;
  if (transaction) {
    const stopped = await stopTransactionRow(db, {
      id: transaction.id,
      stoppedAt: new Date(request.timestamp),
      meterStop: request.meterStop,
      stopReason: request.reason ?? 'Local', // §7.39: absent means Local
      stopIdTag: request.idTag ?? null,
    });
    outcome = stopped ? 'stopped' : 'already_stopped';
    current = stopped ?? transaction;
    if (!stopped && isReconciled(transaction) && !isSameStopData(transaction, request)) {
      current = await restateTransactionStop(db, {
        id: transaction.id,
        stoppedAt: new Date(request.timestamp),
        meterStop: request.meterStop,
        stopReason: request.reason ?? 'Local',
        stopIdTag: request.idTag ?? null,
        note: `${now.toISOString()} late StopTransaction: meterStop ${transaction.meterStop} → ${request.meterStop} Wh, stop ${transaction.stoppedAt?.toISOString()} → ${new Date(request.timestamp).toISOString()}`,
      });
      outcome = 'restated';
    }
  }
  if (outcome !== 'stopped' && outcome !== 'restated' && !isSameStop(transaction, request)) {
    await insertTransactionAnomaly(db, {
      stationId,
      transactionId: request.transactionId,
      kind: outcome === 'unknown_transaction' ? 'stop_for_unknown_transaction' : 'stop_for_stopped_transaction',
      detail: { request: { ...request, transactionData: request.transactionData?.length ?? 0 } },
      at: now,
    });
  }
  const response: StopTransactionResponse = {};
  if (request.idTag) response.idTagInfo = await authorizeIdTag(db, { idTag: request.idTag, stationId, now, exceptTransactionId: request.transactionId });
  return { response, outcome, transaction: current };
}

const isReconciled = (transaction: Transaction | undefined) => transaction?.serverStopReason?.startsWith('reconciled:') === true;
const isSameStopData = (transaction: Transaction, request: StopTransactionRequest) =>
  transaction.meterStop === request.meterStop && transaction.stoppedAt?.getTime() === new Date(request.timestamp).getTime();

/** A retransmitted StopTransaction (our answer got lost) is not an anomaly. */
function isSameStop(transaction: Transaction | undefined, request: StopTransactionRequest): boolean {
  return (
    transaction?.meterStop === request.meterStop &&
    transaction.stoppedAt?.getTime() === new Date(request.timestamp).getTime() &&
    (transaction.serverStopReason === null || isReconciled(transaction))
  );
}
