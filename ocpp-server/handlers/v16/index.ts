import type { StationAction } from '@/lib/ocpp/v16/actions';
import type { Handler } from '../context';
import { authorize } from './authorize';
import { bootNotification } from './boot-notification';
import { dataTransfer } from './data-transfer';
import { diagnosticsStatusNotification } from './diagnostics-status-notification';
import { firmwareStatusNotification } from './firmware-status-notification';
import { heartbeat } from './heartbeat';
import { logStatusNotification } from './log-status-notification';
import { meterValues } from './meter-values';
import { securityEventNotification } from './security-event-notification';
import { signCertificate } from './sign-certificate';
import { signedFirmwareStatusNotification } from './signed-firmware-status-notification';
import { startTransaction } from './start-transaction';
import { statusNotification } from './status-notification';
import { stopTransaction } from './stop-transaction';

/**
 * OCPP 1.6 action → handler. Adding an action: a handler file, a line here, a test
 * (requests and responses are validated against the official schemas by the transport).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler is typed in its own file
export const v16Handlers: Record<StationAction, Handler<any, any>> = {
  Authorize: authorize,
  BootNotification: bootNotification,
  DataTransfer: dataTransfer,
  DiagnosticsStatusNotification: diagnosticsStatusNotification,
  FirmwareStatusNotification: firmwareStatusNotification,
  Heartbeat: heartbeat,
  MeterValues: meterValues,
  StartTransaction: startTransaction,
  StatusNotification: statusNotification,
  StopTransaction: stopTransaction,
  // OCPP 1.6 Security Whitepaper (edition 3)
  LogStatusNotification: logStatusNotification,
  SecurityEventNotification: securityEventNotification,
  SignCertificate: signCertificate,
  SignedFirmwareStatusNotification: signedFirmwareStatusNotification,
};

/** Before the operator accepts a station (Pending / Rejected), only these are answered (OCPP 1.6 §4.2.1). */
export const allowedBeforeAcceptance: ReadonlySet<string> = new Set(['BootNotification', 'Heartbeat']);
