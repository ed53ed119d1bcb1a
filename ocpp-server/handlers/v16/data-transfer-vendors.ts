import type { VendorDataTransferHandler } from '../context';

/** Our own vendorId: DataTransfer messages the simulator and tests use to check a round trip. */
export const CSMS_VENDOR_ID = 'org.csms';

const csmsVendor: VendorDataTransferHandler = async (ctx, request) => {
  if (request.messageId === 'Ping') return { status: 'Accepted', data: ctx.now().toISOString() };
  return { status: 'UnknownMessageId' };
};

/** vendorId → handler (OCPP 1.6 §4.3). A vendor integration adds one entry. */
export const builtInDataTransferVendors: ReadonlyMap<string, VendorDataTransferHandler> = new Map([[CSMS_VENDOR_ID, csmsVendor]]);
