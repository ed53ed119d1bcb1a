import { recordMeterValues } from '@/lib/meter-values/record-meter-values';
import type { MeterValuesRequest, MeterValuesResponse } from '@/lib/ocpp/v16/types';
import type { Handler } from '../context';

/** OCPP 1.6 §4.7: every sample persisted (batched with other stations' samples) before we answer. */
export const meterValues: Handler<MeterValuesRequest, MeterValuesResponse> = async (ctx, request) => {
  const { transactionId } = await recordMeterValues(
    { writer: ctx.meterValues, transactions: ctx.transactions },
    { stationId: ctx.stationId, request, now: ctx.now() },
  );
  ctx.bus.publish({ kind: 'meter.values', stationId: ctx.stationId, connectorId: request.connectorId, transactionId });
  ctx.lowBalance?.observe(transactionId);
  return {};
};
