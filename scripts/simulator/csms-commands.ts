import type { StopReason } from '@/lib/ocpp/v16/types';
import { chargeSession } from './charging-session';
import { uploadDiagnostics } from './diagnostics-upload';
import { updateFirmware } from './firmware-update';
import { securityCommands } from './security-commands';
import type { VirtualStation } from './virtual-station';

type Params = Record<string, unknown>;
type CommandHandler = (station: VirtualStation, params: Params) => object | Promise<object>;

const connectorOf = (station: VirtualStation, id: unknown) => station.connectors.find((c) => c.id === id);
const later = (fn: () => Promise<unknown>) => setTimeout(() => void fn().catch(() => {}), 50);

/** Answers to every Central System → Charge Point message of OCPP 1.6 (§5), with plausible effects. */
const commands: Record<string, CommandHandler> = {
  RemoteStartTransaction(station, p) {
    const connector = p.connectorId ? connectorOf(station, p.connectorId) : station.connectors.find((c) => !c.session && c.available);
    if (!connector || connector.session || !connector.available) return { status: 'Rejected' };
    later(() => chargeSession(station, connector, String(p.idTag), { remote: true }));
    return { status: 'Accepted' };
  },
  RemoteStopTransaction(station, p) {
    const connector = station.connectors.find((c) => c.session?.transactionId === p.transactionId);
    connector?.session?.stop('Remote');
    return { status: connector ? 'Accepted' : 'Rejected' };
  },
  Reset(station, p) {
    const reason: StopReason = p.type === 'Hard' ? 'HardReset' : 'SoftReset';
    for (const connector of station.connectors) connector.session?.stop(reason);
    later(() => station.reboot());
    return { status: 'Accepted' };
  },
  ChangeAvailability(station, p) {
    const targets = p.connectorId === 0 ? station.connectors : [connectorOf(station, p.connectorId)].filter((c) => c !== undefined);
    if (targets.length === 0) return { status: 'Rejected' };
    const available = p.type === 'Operative';
    let scheduled = false;
    for (const connector of targets) {
      connector.available = available;
      if (connector.session) scheduled = true; // §5.2: applied after the running transaction
      else later(() => station.setStatus(connector.id, available ? 'Available' : 'Unavailable'));
    }
    return { status: scheduled ? 'Scheduled' : 'Accepted' };
  },
  ChangeConfiguration(station, p) {
    const entry = station.config.get(String(p.key));
    if (!entry) return { status: 'NotSupported' };
    if (entry.readonly) return { status: 'Rejected' };
    entry.value = String(p.value);
    if (p.key === 'HeartbeatInterval') station.heartbeatS = Math.max(1, Number(p.value) || station.heartbeatS);
    return { status: 'Accepted' };
  },
  GetConfiguration(station, p) {
    const keys = Array.isArray(p.key) && p.key.length > 0 ? (p.key as string[]) : [...station.config.keys()];
    return {
      configurationKey: keys.filter((k) => station.config.has(k)).map((key) => ({ key, readonly: station.config.get(key)!.readonly, value: station.config.get(key)!.value })),
      unknownKey: keys.filter((k) => !station.config.has(k)),
    };
  },
  ClearCache: () => ({ status: 'Accepted' }),
  UnlockConnector(station, p) {
    const connector = connectorOf(station, p.connectorId);
    connector?.session?.stop('UnlockCommand');
    return { status: connector ? 'Unlocked' : 'NotSupported' };
  },
  GetDiagnostics(station, p) {
    const fileName = `diagnostics-${station.options.identity}.log`;
    later(() => uploadDiagnostics(station, String(p.location), fileName));
    return { fileName };
  },
  UpdateFirmware(station, p) {
    later(() => updateFirmware(station, String(p.location)));
    return {};
  },
  TriggerMessage(station, p) {
    const connectorId = typeof p.connectorId === 'number' ? p.connectorId : undefined;
    const send: Record<string, () => Promise<unknown>> = {
      BootNotification: () => station.send('BootNotification', { chargePointVendor: 'CSMS-Sim', chargePointModel: `Sim-${station.connectors.length}C` }),
      Heartbeat: () => station.send('Heartbeat', {}),
      StatusNotification: () => station.setStatus(connectorId ?? 0, connectorId ? (connectorOf(station, connectorId)?.status ?? 'Available') : 'Available'),
      DiagnosticsStatusNotification: () => station.send('DiagnosticsStatusNotification', { status: 'Idle' }),
      FirmwareStatusNotification: () => station.send('FirmwareStatusNotification', { status: 'Idle' }),
      MeterValues: () =>
        station.send('MeterValues', {
          connectorId: connectorId ?? 1,
          meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: String(Math.round(connectorOf(station, connectorId ?? 1)?.meterWh ?? 0)), context: 'Trigger' }] }],
        }),
    };
    const action = send[String(p.requestedMessage)];
    if (!action) return { status: 'NotImplemented' };
    later(action);
    return { status: 'Accepted' };
  },
  DataTransfer: () => ({ status: 'UnknownVendorId' }),
  ReserveNow(station, p) {
    const connector = connectorOf(station, p.connectorId) ?? (p.connectorId === 0 ? station.connectors.find((c) => !c.session) : undefined);
    if (!connector) return { status: 'Rejected' };
    if (!connector.available) return { status: 'Unavailable' };
    if (connector.session || connector.reservation) return { status: 'Occupied' };
    connector.reservation = { id: Number(p.reservationId), idTag: String(p.idTag), expiresAt: Date.parse(String(p.expiryDate)) };
    later(() => station.setStatus(connector.id, 'Reserved'));
    return { status: 'Accepted' };
  },
  CancelReservation(station, p) {
    const connector = station.connectors.find((c) => c.reservation?.id === p.reservationId);
    if (!connector) return { status: 'Rejected' };
    connector.reservation = undefined;
    later(() => station.setStatus(connector.id, 'Available'));
    return { status: 'Accepted' };
  },
  SetChargingProfile: () => ({ status: 'Accepted' }),
  ClearChargingProfile: () => ({ status: 'Accepted' }),
  GetCompositeSchedule: (station, p) => ({
    status: 'Accepted',
    connectorId: p.connectorId,
    scheduleStart: new Date().toISOString(),
    chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: connectorOf(station, p.connectorId)?.maxPowerW ?? 22_000 }] },
  }),
  GetLocalListVersion: (station) => ({ listVersion: station.localListVersion }),
  SendLocalList(station, p) {
    station.localListVersion = Number(p.listVersion);
    return { status: 'Accepted' };
  },
  ...securityCommands,
};

export const csmsCommandNames = Object.keys(commands);

export function registerCsmsCommands(station: VirtualStation): void {
  for (const [action, handler] of Object.entries(commands)) {
    station.client.handle(action, async ({ params }) => {
      station.options.log(`${station.options.identity} ← ${action}`);
      return handler(station, (params ?? {}) as Params);
    });
  }
}
