import type { Bus } from '@/lib/bus/bus';
import type { Db } from '@/lib/db/client';
import type { RegistrationStatus } from '@/lib/db/schema';
import type { MeterValueWriter } from '@/lib/meter-values/meter-value-writer';
import type { TransactionLookup } from '@/lib/meter-values/transaction-lookup';
import type { StationWrites } from '@/lib/stations/station-writes';
import type { OcppProtocol } from '@/lib/ocpp/protocols';
import type { DataTransferRequest, DataTransferResponse } from '@/lib/ocpp/v16/types';

/** Per-connection state a handler may read and update (never the socket). */
export interface StationSession {
  stationId: string;
  protocol: OcppProtocol;
  registrationStatus: RegistrationStatus;
  /** Set by BootNotification: the next timestamped StatusNotification measures the station's clock skew. */
  measureClockSkew: boolean;
}

/** A vendor's DataTransfer messages (OCPP 1.6 §4.3), keyed by vendorId in the registry. */
export type VendorDataTransferHandler = (ctx: HandlerContext, request: DataTransferRequest) => Promise<DataTransferResponse>;

/** Everything a handler may use, shared by all connections of the process. */
export interface ServerServices {
  db: Db;
  bus: Bus;
  now(): Date;
  meterValues: MeterValueWriter;
  stationWrites: StationWrites;
  transactions: TransactionLookup;
  dataTransferVendors: ReadonlyMap<string, VendorDataTransferHandler>;
  config: { heartbeatIntervalS: number; bootRetryIntervalS: number };
  /** Low-balance stop (lib/wallets/low-balance-guard.ts): told of each session's MeterValues; never delays the answer. */
  lowBalance?: { observe(transactionId: number | null): void };
}

export interface HandlerContext extends ServerServices {
  stationId: string;
  session: StationSession;
}

/** One OCPP action: takes the validated request, returns the response (ocpp-rpc validates it too). */
export type Handler<Request, Response> = (ctx: HandlerContext, request: Request) => Promise<Response>;
