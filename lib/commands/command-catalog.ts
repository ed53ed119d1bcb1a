import { csmsInitiatedActions, type CsmsAction } from '../ocpp/v16/actions';

export { csmsInitiatedActions as commandActions, type CsmsAction as CommandAction };

/** What each CSMS-initiated action does, with its OCPP 1.6 section (shown in the UI and the API docs). */
export const commandDescriptions: Record<CsmsAction, string> = {
  CancelReservation: 'Cancel a reservation (§5.1)',
  ChangeAvailability: 'Make a connector or the station operative or inoperative; Scheduled when a transaction runs (§5.2)',
  ChangeConfiguration: 'Set one configuration key; RebootRequired means it applies after a reset (§5.3)',
  ClearCache: 'Clear the authorization cache (§5.4)',
  ClearChargingProfile: 'Remove charging profiles (§5.5)',
  DataTransfer: 'Vendor-specific message (§5.6)',
  GetCompositeSchedule: 'The schedule a connector will follow (§5.7)',
  GetConfiguration: 'Read configuration keys; an empty key list reads all (§5.8)',
  GetDiagnostics: 'Upload a diagnostics file to a URL (§5.9)',
  GetLocalListVersion: 'Version of the local authorization list (§5.10)',
  RemoteStartTransaction: 'Start a transaction for an idTag, optionally with a TxProfile (§5.11)',
  RemoteStopTransaction: 'Stop a transaction by its id (§5.12)',
  ReserveNow: 'Reserve a connector for an idTag (§5.13)',
  Reset: 'Soft or Hard reboot (§5.14)',
  SendLocalList: 'Replace or update the local authorization list (§5.15)',
  SetChargingProfile: 'Install a charging profile (§5.16)',
  TriggerMessage: 'Ask the station to send a message now (§5.17)',
  UnlockConnector: 'Unlock a connector to free a stuck cable (§5.18)',
  UpdateFirmware: 'Download and install firmware from a URL (§5.19)',
  CertificateSigned: 'Send the station its certificate, signed from its SignCertificate CSR (Security Whitepaper §4.1)',
  DeleteCertificate: 'Remove an installed CA certificate by its hash (Security Whitepaper §4.2)',
  ExtendedTriggerMessage: 'Ask for a message, including the security ones, now (Security Whitepaper §4.3)',
  GetInstalledCertificateIds: 'List installed CA certificates (Security Whitepaper §4.4)',
  GetLog: 'Upload the diagnostics or security log to a URL (Security Whitepaper §4.5)',
  InstallCertificate: 'Install a Central System or manufacturer root certificate (Security Whitepaper §4.6)',
  SignedUpdateFirmware: 'Download, verify the signature of, and install firmware (Security Whitepaper §4.7)',
};

/**
 * Status values of a .conf that mean "done" (or "will be done"): Scheduled (§5.2) and
 * RebootRequired (§5.3) are successes the operator must know about. Any other status is a refusal.
 */
const successStatuses = new Set(['Accepted', 'AcceptedCanceled', 'Unlocked', 'Scheduled', 'RebootRequired']);

/** completed or rejected, from a CALLRESULT payload that passed the schema. */
export function classifyResponse(response: unknown): 'completed' | 'rejected' {
  const status = (response as { status?: unknown } | null)?.status;
  return typeof status !== 'string' || successStatuses.has(status) ? 'completed' : 'rejected';
}

export function isCommandAction(action: string): action is CsmsAction {
  return (csmsInitiatedActions as readonly string[]).includes(action);
}
