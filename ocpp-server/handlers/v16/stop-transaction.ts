import { resettleRestatedTransaction, settleStoppedTransaction } from '@/lib/billing/settle-transaction';
import { stopTransaction as recordStop } from '@/lib/transactions/stop-transaction';
import type { StopTransactionRequest, StopTransactionResponse } from '@/lib/ocpp/v16/types';
import type { Handler } from '../context';

/**
 * OCPP 1.6 §4.10: transactionData stored, transaction closed; an unknown id is answered and recorded.
 * The stopped session is then invoiced; a billing failure is logged, never refused to the station
 * (the Central System cannot refuse a StopTransaction; POST …/transactions/{id}/invoice issues it later).
 */
export const stopTransaction: Handler<StopTransactionRequest, StopTransactionResponse> = async (ctx, request) => {
  const { response, outcome } = await recordStop(ctx.db, async (rows) => void (await ctx.meterValues.add(rows)), {
    stationId: ctx.stationId,
    request,
    now: ctx.now(),
  });
  if (outcome === 'stopped') {
    ctx.bus.publish({ kind: 'transaction.stopped', stationId: ctx.stationId, transactionId: request.transactionId });
    await settleStoppedTransaction(ctx.db, request.transactionId, ctx.now()).catch((error: unknown) =>
      console.error(`[ocpp] invoicing transaction ${request.transactionId} failed:`, error),
    );
  }
  if (outcome === 'restated') {
    // A late stop for a session the reconciliation closed: re-priced, credited and re-invoiced if it changed.
    ctx.bus.publish({ kind: 'transaction.stopped', stationId: ctx.stationId, transactionId: request.transactionId });
    await resettleRestatedTransaction(ctx.db, request.transactionId, ctx.now()).catch((error: unknown) =>
      console.error(`[ocpp] re-invoicing transaction ${request.transactionId} failed:`, error),
    );
  }
  return response;
};
