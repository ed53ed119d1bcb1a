/** Messages a Charge Point sends to the Central System (OCPP 1.6 §4). */
export const stationInitiatedActions = [
  'Authorize',
  'BootNotification',
  'DataTransfer',
  'DiagnosticsStatusNotification',
  'FirmwareStatusNotification',
  'Heartbeat',
  'MeterValues',
  'StartTransaction',
  'StatusNotification',
  'StopTransaction',
  // OCPP 1.6 Security Whitepaper (edition 3)
  'LogStatusNotification',
  'SecurityEventNotification',
  'SignCertificate',
  'SignedFirmwareStatusNotification',
] as const;
export type StationAction = (typeof stationInitiatedActions)[number];

/** Messages the Central System sends (OCPP 1.6 §5); a station sending one gets NotSupported, not NotImplemented. */
export const csmsInitiatedActions = [
  'CancelReservation',
  'ChangeAvailability',
  'ChangeConfiguration',
  'ClearCache',
  'ClearChargingProfile',
  'DataTransfer',
  'GetCompositeSchedule',
  'GetConfiguration',
  'GetDiagnostics',
  'GetLocalListVersion',
  'RemoteStartTransaction',
  'RemoteStopTransaction',
  'ReserveNow',
  'Reset',
  'SendLocalList',
  'SetChargingProfile',
  'TriggerMessage',
  'UnlockConnector',
  'UpdateFirmware',
  // OCPP 1.6 Security Whitepaper (edition 3)
  'CertificateSigned',
  'DeleteCertificate',
  'ExtendedTriggerMessage',
  'GetInstalledCertificateIds',
  'GetLog',
  'InstallCertificate',
  'SignedUpdateFirmware',
] as const;
export type CsmsAction = (typeof csmsInitiatedActions)[number];

const known = new Set<string>([...stationInitiatedActions, ...csmsInitiatedActions]);
export function isKnownV16Action(action: string): boolean {
  return known.has(action);
}
