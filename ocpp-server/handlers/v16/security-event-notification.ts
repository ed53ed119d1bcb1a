import type { SecurityEventNotificationRequest, SecurityEventNotificationResponse } from '@/lib/ocpp/v16/types';
import { recordSecurityEvent } from '@/lib/security/record-security-event';
import type { Handler } from '../context';

/** Security Whitepaper §3.1 / §5.11: a security event, kept per station with the station's timestamp; a critical one raises an alert. */
export const securityEventNotification: Handler<SecurityEventNotificationRequest, SecurityEventNotificationResponse> = async (ctx, request) => {
  const { alert } = await recordSecurityEvent(ctx.db, {
    stationId: ctx.stationId,
    type: request.type,
    techInfo: request.techInfo ?? null,
    occurredAt: new Date(request.timestamp),
    receivedAt: ctx.now(),
  });
  ctx.bus.publish({ kind: 'station.updated', stationId: ctx.stationId });
  if (alert) ctx.bus.publish({ kind: 'alert.raised', stationId: ctx.stationId, alertId: alert.id });
  return {};
};
