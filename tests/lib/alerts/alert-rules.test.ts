import { describe, expect, it } from 'vitest';
import { defaultAlertThresholds, evaluateAlertRules, type FleetSnapshot } from '@/lib/alerts/alert-rules';

const now = new Date('2026-03-01T12:00:00Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const empty: FleetSnapshot = { stations: [], faultedConnectors: [], openSessions: [] };
const keys = (snapshot: Partial<FleetSnapshot>) => evaluateAlertRules({ ...empty, ...snapshot }, now).map((alert) => alert.key);

describe('alert rules (clock injected)', () => {
  it('raises station offline only after the threshold, never for an online or never-seen station', () => {
    const limit = defaultAlertThresholds.offlineAfterMinutes;
    expect(keys({ stations: [{ id: 'A', online: false, lastSeenAt: ago(limit + 0.01), registrationStatus: 'accepted' }] })).toEqual(['station_offline:A']);
    expect(keys({ stations: [{ id: 'A', online: false, lastSeenAt: ago(limit), registrationStatus: 'accepted' }] })).toEqual([]);
    expect(keys({ stations: [{ id: 'A', online: true, lastSeenAt: ago(60), registrationStatus: 'accepted' }] })).toEqual([]);
    expect(keys({ stations: [{ id: 'A', online: false, lastSeenAt: null, registrationStatus: 'accepted' }] })).toEqual([]);
  });

  it('raises a faulted connector with its error code and vendor code in the message', () => {
    const [alert] = evaluateAlertRules(
      { ...empty, faultedConnectors: [{ stationId: 'A', connectorId: 2, errorCode: 'GroundFailure', vendorErrorCode: 'E-17', info: null, since: ago(1) }] },
      now,
    );
    expect(alert).toMatchObject({ key: 'connector_faulted:A:2', kind: 'connector_faulted', message: 'A connector 2 faulted: GroundFailure (vendor code E-17)' });
  });

  it('raises boot rejected', () => {
    expect(keys({ stations: [{ id: 'R', online: true, lastSeenAt: ago(0), registrationStatus: 'rejected' }] })).toEqual(['boot_rejected:R']);
  });

  it('flags stuck sessions: no meter values, 0 W while charging, open too long — each at its threshold', () => {
    const session = { transactionId: 7, stationId: 'A', connectorId: 1, startedAt: ago(60), lastSampleAt: ago(1), zeroPowerSince: null };
    expect(keys({ openSessions: [session] })).toEqual([]);
    expect(keys({ openSessions: [{ ...session, lastSampleAt: ago(defaultAlertThresholds.stuckNoMeterValuesMinutes + 1) }] })).toEqual(['stuck_session:7']);
    expect(keys({ openSessions: [{ ...session, lastSampleAt: null, startedAt: ago(defaultAlertThresholds.stuckNoMeterValuesMinutes - 1) }] })).toEqual([]);
    expect(keys({ openSessions: [{ ...session, zeroPowerSince: ago(defaultAlertThresholds.stuckZeroPowerMinutes + 1) }] })).toEqual(['stuck_session:7']);
    expect(keys({ openSessions: [{ ...session, zeroPowerSince: ago(defaultAlertThresholds.stuckZeroPowerMinutes - 1) }] })).toEqual([]);
    const [tooLong] = evaluateAlertRules({ ...empty, openSessions: [{ ...session, startedAt: ago(defaultAlertThresholds.maxSessionHours * 60 + 1) }] }, now);
    expect(tooLong?.message).toContain('open for more than 24 h');
  });
});
