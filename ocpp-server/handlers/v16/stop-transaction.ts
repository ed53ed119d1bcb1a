import { stopTransaction as recordStop } from '@/lib/transactions/stop-transaction';
import type { StopTransactionRequest, StopTransactionResponse } from '@/lib/ocpp/v16/types';
import type { Handler } from '../context';

/** OCPP 1.6 §4.10: transactionData stored, transaction closed; an unknown id is answered and recorded. */
export const stopTransaction: Handler<StopTransactionRequest, StopTransactionResponse> = async (ctx, request) => {
  const { response, outcome } = await recordStop(ctx.db, async (rows) => void (await ctx.meterValues.add(rows)), {
    stationId: ctx.stationId,
    request,
    now: ctx.now(),
  });
  if (outcome === 'stopped') ctx.bus.publish({ kind: 'transaction.stopped', stationId: ctx.stationId, transactionId: request.transactionId });
  return response;
};
