import { setTimeout as sleep } from 'node:timers/promises';
import type { IdTagInfo, StopReason } from '@/lib/ocpp/v16/types';
import { chargeFor, randomEv } from './ev-model';
import type { ConnectorState, VirtualStation } from './virtual-station';

const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;
const nap = (station: VirtualStation, seconds: number) => sleep(seconds * 1000, undefined, { signal: station.signal }).catch(() => {});

/** Each connector: idle, a driver taps a card, charges, leaves; again until the simulator stops. */
export async function runConnector(station: VirtualStation, connector: ConnectorState): Promise<void> {
  const [idleMin, idleMax] = station.options.idleS;
  while (!station.signal.aborted) {
    await nap(station, idleMin + Math.random() * (idleMax - idleMin));
    const ready = station.registration === 'Accepted' && connector.available && !connector.session && !connector.reservation;
    if (ready && !station.signal.aborted) await chargeSession(station, connector, pick(station.options.idTags), { remote: false });
  }
}

/**
 * One session (OCPP 1.6 §3.6): Authorize (unless remote start without AuthorizeRemoteTxRequests),
 * Preparing, StartTransaction, Charging with MeterValues every interval, StopTransaction with
 * the closing samples, Finishing, Available. Energy follows the EV model at `speed` × real time.
 */
export async function chargeSession(station: VirtualStation, connector: ConnectorState, idTag: string, opts: { remote: boolean }): Promise<boolean> {
  station.sessionsRunning++;
  try {
    return await runSession(station, connector, idTag, opts);
  } finally {
    station.sessionsRunning--;
  }
}

async function runSession(station: VirtualStation, connector: ConnectorState, idTag: string, opts: { remote: boolean }): Promise<boolean> {
  const { options } = station;
  if (!opts.remote || station.config.get('AuthorizeRemoteTxRequests')?.value === 'true') {
    const authorized = await station.send<{ idTagInfo: IdTagInfo }>('Authorize', { idTag });
    if (authorized?.idTagInfo.status !== 'Accepted') {
      warnRefusedTag(station, idTag, authorized?.idTagInfo.status);
      return false;
    }
  }
  await station.setStatus(connector.id, 'Preparing');
  const meterStart = Math.round(connector.meterWh);
  const started = await station.sendReliably<{ transactionId: number; idTagInfo: IdTagInfo }>('StartTransaction', {
    connectorId: connector.id,
    idTag,
    meterStart,
    timestamp: new Date().toISOString(),
    ...(connector.reservation ? { reservationId: connector.reservation.id } : {}),
  });
  connector.reservation = undefined;
  if (!started) return false;
  options.stats.sessionsStarted++;

  let stopReason: StopReason | undefined = started.idTagInfo.status === 'Accepted' ? undefined : 'DeAuthorized';
  const ev = randomEv();
  connector.session = { transactionId: started.transactionId, idTag, ev, stop: (reason) => (stopReason ??= reason) };
  await station.setStatus(connector.id, 'Charging');
  let last = Date.now();
  while (!stopReason && !station.signal.aborted) {
    await nap(station, options.meterIntervalS);
    const now = Date.now();
    const { energyWh, powerW } = chargeFor(ev, ((now - last) / 1000) * options.speed, connector.maxPowerW);
    last = now;
    connector.meterWh += energyWh;
    await station.sendReliably('MeterValues', { connectorId: connector.id, transactionId: started.transactionId, meterValue: [sample(connector.meterWh, powerW, ev.socPercent, 'Sample.Periodic')] });
    options.stats.meterValues++;
    if (ev.socPercent >= ev.targetSocPercent) stopReason = 'EVDisconnected';
  }
  connector.session = undefined;
  await station.sendReliably('StopTransaction', {
    transactionId: started.transactionId,
    idTag,
    meterStop: Math.round(connector.meterWh),
    timestamp: new Date().toISOString(),
    reason: stopReason ?? 'Local',
    transactionData: [sample(connector.meterWh, 0, ev.socPercent, 'Transaction.End')],
  });
  options.stats.sessionsCompleted++;
  if (!station.signal.aborted) {
    await station.setStatus(connector.id, 'Finishing');
    await station.setStatus(connector.id, connector.available ? 'Available' : 'Unavailable');
  }
  return true;
}

/** One MeterValue: register, power, per-phase current at 230 V, voltage and the car's SoC. */
function sample(meterWh: number, powerW: number, socPercent: number, context: string) {
  const amps = (powerW / 3 / 230).toFixed(2);
  return {
    timestamp: new Date().toISOString(),
    sampledValue: [
      { value: (meterWh / 1000).toFixed(3), unit: 'kWh', measurand: 'Energy.Active.Import.Register', context, location: 'Outlet' },
      { value: String(Math.round(powerW)), unit: 'W', measurand: 'Power.Active.Import', context },
      ...(['L1', 'L2', 'L3'] as const).map((phase) => ({ value: amps, unit: 'A', measurand: 'Current.Import', phase, context })),
      { value: (228 + Math.random() * 4).toFixed(1), unit: 'V', measurand: 'Voltage', phase: 'L1-N', context },
      { value: socPercent.toFixed(1), unit: 'Percent', measurand: 'SoC', location: 'EV', context },
    ],
  };
}

let warned = false;
/** Tags unknown to the CSMS are Invalid: say once how to get sessions going. */
function warnRefusedTag(station: VirtualStation, idTag: string, status: string | undefined) {
  if (warned || status === undefined) return;
  warned = true;
  console.log(`${station.options.identity}: idTag ${idTag} was answered ${status}. Register the simulator's tags (${station.options.idTags.slice(0, 3).join(', ')}, …) with 'npm run cli -- demo seed', or pass --id-tags with cards the CSMS knows.`);
}
