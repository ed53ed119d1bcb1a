import type { DataTransferRequest, DataTransferResponse } from '@/lib/ocpp/v16/types';
import type { Handler } from '../context';

/** OCPP 1.6 §4.3: handed to the vendor's handler; a vendorId nobody registered gets UnknownVendorId. */
export const dataTransfer: Handler<DataTransferRequest, DataTransferResponse> = async (ctx, request) => {
  const vendor = ctx.dataTransferVendors.get(request.vendorId);
  if (!vendor) return { status: 'UnknownVendorId' };
  return vendor(ctx, request);
};
