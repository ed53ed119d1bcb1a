import type { AlertKind } from '../db/schema/alerts';

/**
 * Thresholds of the alert rules: Settings over the ALERT_* env defaults (lib/settings/get-settings.ts);
 * the values below are the code defaults, equal to the env defaults.
 */
export interface AlertThresholds {
  offlineAfterMinutes: number;
  stuckNoMeterValuesMinutes: number;
  stuckZeroPowerMinutes: number;
  maxSessionHours: number;
}

export const defaultAlertThresholds: AlertThresholds = {
  offlineAfterMinutes: 5,
  stuckNoMeterValuesMinutes: 15,
  stuckZeroPowerMinutes: 30,
  maxSessionHours: 24,
};

/** What the rules look at, read from the tables in one go (lib/db/queries/alert-snapshot.ts). */
export interface FleetSnapshot {
  stations: { id: string; online: boolean; lastSeenAt: Date | null; registrationStatus: string }[];
  faultedConnectors: { stationId: string; connectorId: number; errorCode: string; vendorErrorCode: string | null; info: string | null; since: Date }[];
  openSessions: {
    transactionId: number;
    stationId: string;
    connectorId: number;
    startedAt: Date;
    lastSampleAt: Date | null;
    /** Since when the power has been 0 W while Charging (null when it is not). */
    zeroPowerSince: Date | null;
  }[];
}

export interface AlertCandidate {
  key: string;
  kind: AlertKind;
  stationId: string;
  connectorId?: number;
  transactionId?: number;
  message: string;
  detail: Record<string, unknown>;
}

const minutes = (ms: number) => Math.floor(ms / 60_000);

/**
 * The alerts that should be open now. Pure: the caller compares with the open alerts, raises the
 * new keys and clears the keys that are no longer here (see sync-alerts.ts).
 */
export function evaluateAlertRules(snapshot: FleetSnapshot, now: Date, thresholds: AlertThresholds = defaultAlertThresholds): AlertCandidate[] {
  const candidates: AlertCandidate[] = [];
  const t = now.getTime();
  for (const station of snapshot.stations) {
    if (station.registrationStatus === 'rejected') {
      candidates.push({ key: `boot_rejected:${station.id}`, kind: 'boot_rejected', stationId: station.id, message: `${station.id} was rejected at boot`, detail: {} });
    }
    const silentMs = station.lastSeenAt ? t - station.lastSeenAt.getTime() : Infinity;
    if (!station.online && station.lastSeenAt && silentMs > thresholds.offlineAfterMinutes * 60_000) {
      candidates.push({
        key: `station_offline:${station.id}`,
        kind: 'station_offline',
        stationId: station.id,
        message: `${station.id} offline for ${minutes(silentMs)} min`,
        detail: { lastSeenAt: station.lastSeenAt.toISOString() },
      });
    }
  }
  for (const connector of snapshot.faultedConnectors) {
    const vendor = connector.vendorErrorCode ? ` (vendor code ${connector.vendorErrorCode})` : '';
    candidates.push({
      key: `connector_faulted:${connector.stationId}:${connector.connectorId}`,
      kind: 'connector_faulted',
      stationId: connector.stationId,
      connectorId: connector.connectorId,
      message: `${connector.stationId} connector ${connector.connectorId} faulted: ${connector.errorCode}${vendor}`,
      detail: { errorCode: connector.errorCode, vendorErrorCode: connector.vendorErrorCode, info: connector.info, since: connector.since.toISOString() },
    });
  }
  for (const session of snapshot.openSessions) {
    const reason = stuckReason(session, t, thresholds);
    if (reason) {
      candidates.push({
        key: `stuck_session:${session.transactionId}`,
        kind: 'stuck_session',
        stationId: session.stationId,
        connectorId: session.connectorId,
        transactionId: session.transactionId,
        message: `Session ${session.transactionId} on ${session.stationId} looks stuck: ${reason}`,
        detail: { reason },
      });
    }
  }
  return candidates;
}

function stuckReason(session: FleetSnapshot['openSessions'][number], t: number, thresholds: AlertThresholds): string | null {
  const openMs = t - session.startedAt.getTime();
  if (openMs > thresholds.maxSessionHours * 3_600_000) return `open for more than ${thresholds.maxSessionHours} h`;
  const silentMs = t - (session.lastSampleAt ?? session.startedAt).getTime();
  if (silentMs > thresholds.stuckNoMeterValuesMinutes * 60_000) return `no meter values for ${minutes(silentMs)} min`;
  if (session.zeroPowerSince && t - session.zeroPowerSince.getTime() > thresholds.stuckZeroPowerMinutes * 60_000) {
    return `0 W while charging for ${minutes(t - session.zeroPowerSince.getTime())} min`;
  }
  return null;
}
