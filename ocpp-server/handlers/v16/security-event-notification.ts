import { insertSecurityEvent } from '@/lib/db/queries/security-events';
import type { SecurityEventNotificationRequest, SecurityEventNotificationResponse } from '@/lib/ocpp/v16/types';
import { isCriticalSecurityEvent } from '@/lib/security/security-event-types';
import type { Handler } from '../context';

/** Security Whitepaper §3.1 / §5.11: a security event, kept per station with the station's timestamp. */
export const securityEventNotification: Handler<SecurityEventNotificationRequest, SecurityEventNotificationResponse> = async (ctx, request) => {
  await insertSecurityEvent(ctx.db, {
    stationId: ctx.stationId,
    type: request.type,
    techInfo: request.techInfo ?? null,
    occurredAt: new Date(request.timestamp),
    critical: isCriticalSecurityEvent(request.type),
    receivedAt: ctx.now(),
  });
  ctx.bus.publish({ kind: 'station.updated', stationId: ctx.stationId });
  return {};
};
