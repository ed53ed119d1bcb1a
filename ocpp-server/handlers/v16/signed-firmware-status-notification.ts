import type {
  FirmwareStatusNotificationRequest,
  SignedFirmwareStatusNotificationRequest,
  SignedFirmwareStatusNotificationResponse,
} from '@/lib/ocpp/v16/types';
import type { Handler } from '../context';
import { firmwareStatusNotification } from './firmware-status-notification';

/**
 * Security Whitepaper §5.12: progress of a SignedUpdateFirmware. Its statuses extend those of
 * FirmwareStatusNotification (InvalidSignature, SignatureVerified, …); kept in the same place.
 */
export const signedFirmwareStatusNotification: Handler<SignedFirmwareStatusNotificationRequest, SignedFirmwareStatusNotificationResponse> = (
  ctx,
  request,
) => firmwareStatusNotification(ctx, { status: request.status as FirmwareStatusNotificationRequest['status'] });
