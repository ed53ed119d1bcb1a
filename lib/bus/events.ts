/** The one NOTIFY channel for live events (PostgreSQL channel names are identifiers). */
export const EVENTS_CHANNEL = 'csms_events';

/**
 * What changed, never the new state: NOTIFY payloads cap at 8000 bytes and are delivered at most
 * once, so a subscriber re-reads the tables for the ids it is given. `resync` means "events were
 * coalesced away under load: reload everything you show".
 */
export type CsmsEvent =
  | { kind: 'station.connected' | 'station.disconnected' | 'station.updated'; stationId: string }
  | { kind: 'connector.status'; stationId: string; connectorId: number }
  | { kind: 'transaction.started' | 'transaction.stopped' | 'transaction.updated'; stationId: string; transactionId: number }
  | { kind: 'meter.values'; stationId: string; connectorId: number; transactionId: number | null }
  | { kind: 'idTag.updated'; idTag: string }
  | { kind: 'alert.raised' | 'alert.cleared'; stationId: string; alertId: number }
  | { kind: 'command.updated'; stationId: string; commandId: number }
  | { kind: 'firmware.updated'; campaignId: number }
  /** Frames of the station were written to the message log (the inspector re-reads it). */
  | { kind: 'message.logged'; stationId: string }
  /** A card payment's status moved (a verified provider webhook); the driver portal's return page re-reads it. */
  | { kind: 'payment.updated'; paymentId: string }
  | { kind: 'resync' };

export type CsmsEventKind = CsmsEvent['kind'];

/** Identical events inside one flush window are one event. */
export function eventKey(event: CsmsEvent): string {
  return JSON.stringify(event);
}
