import { startTransaction as recordStart } from '@/lib/transactions/start-transaction';
import type { StartTransactionRequest, StartTransactionResponse } from '@/lib/ocpp/v16/types';
import type { Handler } from '../context';

/** OCPP 1.6 §4.8: always recorded; a retransmission gets the same transactionId back. */
export const startTransaction: Handler<StartTransactionRequest, StartTransactionResponse> = async (ctx, request) => {
  const { transaction, idTagInfo, retransmit, replaced } = await recordStart(ctx.db, { stationId: ctx.stationId, request, now: ctx.now() });
  ctx.transactions.remember(transaction.id, ctx.stationId);
  if (replaced) ctx.bus.publish({ kind: 'transaction.stopped', stationId: ctx.stationId, transactionId: replaced.id });
  if (!retransmit) ctx.bus.publish({ kind: 'transaction.started', stationId: ctx.stationId, transactionId: transaction.id });
  return { transactionId: transaction.id, idTagInfo };
};
