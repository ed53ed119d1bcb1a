import type { Db } from '../db/client';
import { insertAlerts } from '../db/queries/alerts';
import { insertSecurityEvent } from '../db/queries/security-events';
import type { Alert } from '../db/schema';
import { isCriticalSecurityEvent } from './security-event-types';

export interface SecurityEventInput {
  stationId: string;
  type: string;
  techInfo: string | null;
  occurredAt: Date;
  receivedAt: Date;
}

/**
 * Keeps a station's security event; a critical one (whitepaper list) also raises an alert, at most one
 * open per station and event type, which stays open until an operator resolves it (the alert rules
 * never clear it). Both in one database transaction.
 */
export async function recordSecurityEvent(db: Db, input: SecurityEventInput): Promise<{ critical: boolean; alert: Alert | undefined }> {
  const critical = isCriticalSecurityEvent(input.type);
  return db.transaction(async (tx) => {
    await insertSecurityEvent(tx, { ...input, critical });
    if (!critical) return { critical, alert: undefined };
    const [alert] = await insertAlerts(
      tx,
      [
        {
          key: `security_event:${input.stationId}:${input.type}`,
          kind: 'security_event',
          stationId: input.stationId,
          message: `${input.stationId} reported a critical security event: ${input.type}`,
          detail: { type: input.type, techInfo: input.techInfo, occurredAt: input.occurredAt.toISOString() },
        },
      ],
      input.receivedAt,
    );
    return { critical, alert };
  });
}
