/**
 * Payload types of the station-initiated OCPP 1.6 messages (OCPP 1.6 §6), written after the official
 * JSON schemas that ocpp-rpc validates every request and response against: inside, these can be trusted.
 */
export type IdTagStatus = 'Accepted' | 'Blocked' | 'Expired' | 'Invalid' | 'ConcurrentTx';

export interface IdTagInfo {
  status: IdTagStatus;
  expiryDate?: string;
  parentIdTag?: string;
}

export type RegistrationStatusV16 = 'Accepted' | 'Pending' | 'Rejected';

export interface BootNotificationRequest {
  chargePointVendor: string;
  chargePointModel: string;
  chargePointSerialNumber?: string;
  chargeBoxSerialNumber?: string;
  firmwareVersion?: string;
  iccid?: string;
  imsi?: string;
  meterType?: string;
  meterSerialNumber?: string;
}
export interface BootNotificationResponse {
  status: RegistrationStatusV16;
  currentTime: string;
  interval: number;
}

export type HeartbeatRequest = Record<string, never>;
export interface HeartbeatResponse {
  currentTime: string;
}

export type ChargePointStatus =
  | 'Available'
  | 'Preparing'
  | 'Charging'
  | 'SuspendedEVSE'
  | 'SuspendedEV'
  | 'Finishing'
  | 'Reserved'
  | 'Unavailable'
  | 'Faulted';

export interface StatusNotificationRequest {
  connectorId: number;
  errorCode: string;
  status: ChargePointStatus;
  info?: string;
  timestamp?: string;
  vendorId?: string;
  vendorErrorCode?: string;
}
export type StatusNotificationResponse = Record<string, never>;

export interface AuthorizeRequest {
  idTag: string;
}
export interface AuthorizeResponse {
  idTagInfo: IdTagInfo;
}

export interface StartTransactionRequest {
  connectorId: number;
  idTag: string;
  meterStart: number;
  reservationId?: number;
  timestamp: string;
}
export interface StartTransactionResponse {
  idTagInfo: IdTagInfo;
  transactionId: number;
}

export interface SampledValue {
  value: string;
  context?: string;
  format?: 'Raw' | 'SignedData';
  measurand?: string;
  phase?: string;
  location?: string;
  unit?: string;
}
export interface MeterValue {
  timestamp: string;
  sampledValue: SampledValue[];
}

export type StopReason =
  | 'EmergencyStop'
  | 'EVDisconnected'
  | 'HardReset'
  | 'Local'
  | 'Other'
  | 'PowerLoss'
  | 'Reboot'
  | 'Remote'
  | 'SoftReset'
  | 'UnlockCommand'
  | 'DeAuthorized';

export interface StopTransactionRequest {
  transactionId: number;
  idTag?: string;
  meterStop: number;
  timestamp: string;
  reason?: StopReason;
  transactionData?: MeterValue[];
}
export interface StopTransactionResponse {
  idTagInfo?: IdTagInfo;
}

export interface MeterValuesRequest {
  connectorId: number;
  transactionId?: number;
  meterValue: MeterValue[];
}
export type MeterValuesResponse = Record<string, never>;

export interface DataTransferRequest {
  vendorId: string;
  messageId?: string;
  data?: string;
}
export interface DataTransferResponse {
  status: 'Accepted' | 'Rejected' | 'UnknownMessageId' | 'UnknownVendorId';
  data?: string;
}

export interface DiagnosticsStatusNotificationRequest {
  status: 'Idle' | 'Uploaded' | 'UploadFailed' | 'Uploading';
}
export type DiagnosticsStatusNotificationResponse = Record<string, never>;

export interface FirmwareStatusNotificationRequest {
  status: 'Downloaded' | 'DownloadFailed' | 'Downloading' | 'Idle' | 'InstallationFailed' | 'Installing' | 'Installed';
}
export type FirmwareStatusNotificationResponse = Record<string, never>;

/* OCPP 1.6 Security Whitepaper (edition 3) messages a station sends. */
export interface SecurityEventNotificationRequest {
  type: string;
  timestamp: string;
  techInfo?: string;
}
export type SecurityEventNotificationResponse = Record<string, never>;

export interface SignCertificateRequest {
  csr: string;
}
export interface SignCertificateResponse {
  status: 'Accepted' | 'Rejected';
}

export interface LogStatusNotificationRequest {
  status: 'BadMessage' | 'Idle' | 'NotSupportedOperation' | 'PermissionDenied' | 'Uploaded' | 'UploadFailure' | 'Uploading';
  requestId?: number;
}
export type LogStatusNotificationResponse = Record<string, never>;

export interface SignedFirmwareStatusNotificationRequest {
  status:
    | 'Downloaded'
    | 'DownloadFailed'
    | 'Downloading'
    | 'DownloadScheduled'
    | 'DownloadPaused'
    | 'Idle'
    | 'InstallationFailed'
    | 'Installing'
    | 'Installed'
    | 'InstallRebooting'
    | 'InstallScheduled'
    | 'InstallVerificationFailed'
    | 'InvalidSignature'
    | 'SignatureVerified';
  requestId?: number;
}
export type SignedFirmwareStatusNotificationResponse = Record<string, never>;
