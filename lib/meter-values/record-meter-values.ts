import type { MeterValuesRequest } from '../ocpp/v16/types';
import type { MeterValueWriter } from './meter-value-writer';
import { normalizeMeterValues } from './normalize-sampled-value';
import type { TransactionLookup } from './transaction-lookup';

/**
 * MeterValues (OCPP 1.6 §4.7): every sampled value becomes a row, normalised and raw side by side,
 * attached to the transaction the station named (if it is this station's). Resolves once committed.
 */
export async function recordMeterValues(
  deps: { writer: MeterValueWriter; transactions: TransactionLookup },
  input: { stationId: string; request: MeterValuesRequest; now: Date },
): Promise<{ transactionId: number | null; samples: number }> {
  const { stationId, request, now } = input;
  const transactionId = await deps.transactions.ownTransactionId(stationId, request.transactionId);
  const rows = normalizeMeterValues(request.meterValue, { stationId, connectorId: request.connectorId, transactionId, receivedAt: now });
  await deps.writer.add(rows);
  return { transactionId, samples: rows.length };
}
