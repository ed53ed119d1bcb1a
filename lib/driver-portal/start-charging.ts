import type { Db } from '../db/client';
import { getConnector, listDriverTagValues } from '../db/queries/driver-transactions';
import { getActiveReservation } from '../db/queries/reservations';
import { getWalletBalance, getWalletByDriver } from '../db/queries/wallets';
import { formatMinorUnits } from '../pricing/currency';
import { getStationById } from '../db/queries/stations';
import type { Command, Driver } from '../db/schema';
import { authorizeIdTag } from '../id-tags/authorize-id-tag';
import { sendCommand, type CommandDeps } from '../commands/send-command';
import { conflict, notFound } from '../errors';
import { connectorAvailability } from './connector-availability';
import { driverActor } from './driver-actor';
import { requireVerifiedEmail } from './link-tokens';

export const NO_USABLE_TAG = 'Your account has no card that may charge here. Contact the operator.';

/** How long a phone waits for the station's answer before it is told so. */
export const DRIVER_COMMAND_TIMEOUT_MS = 15_000;

/** The first of the driver's tags the station would accept now (the oldest first: the app tag or the first card). */
export async function pickDriverIdTag(db: Db, driverId: string, stationId: string, now: Date): Promise<string | undefined> {
  for (const idTag of await listDriverTagValues(db, driverId)) {
    if ((await authorizeIdTag(db, { idTag, stationId, now })).status === 'Accepted') return idTag;
  }
  return undefined;
}

/** A prepaid driver below the wallet's minimum is told so, instead of "no card may charge here" (the station would answer Blocked). */
export async function walletShortfallMessage(db: Db, driverId: string): Promise<string | null> {
  const wallet = await getWalletByDriver(db, driverId);
  if (!wallet) return null;
  const balance = await getWalletBalance(db, wallet.id);
  if (balance >= wallet.minBalance) return null;
  return `Your prepaid balance is ${formatMinorUnits(balance, wallet.currency)}, below the ${formatMinorUnits(wallet.minBalance, wallet.currency)} needed to start. Top up your wallet first.`;
}

/** Plain words for how a command ended, for a person holding a phone. */
export function commandOutcomeMessage(command: Command, refused: string): string | null {
  switch (command.state) {
    case 'completed':
      return null;
    case 'rejected':
      return refused;
    case 'offline':
      return 'This station is offline right now. Try another connector or come back later.';
    case 'timed_out':
      return 'The station did not answer in time. Try again in a moment.';
    default:
      return 'The station could not be reached. Try again in a moment.';
  }
}

/**
 * The driver's Start button: checks the connector and the driver's tag here, then sends
 * RemoteStartTransaction (OCPP 1.6 §5.11) with that tag through the durable command path. The
 * station then authorizes and starts as with a card; the session appears once StartTransaction arrives.
 */
export async function startCharging(deps: CommandDeps, driver: Driver, input: { stationId: string; connectorId: number }, now = new Date()): Promise<{ idTag: string; commandId: number }> {
  await requireVerifiedEmail(deps.db, driver.id);
  const station = await getStationById(deps.db, input.stationId);
  if (!station) throw notFound('There is no such station.');
  const connector = await getConnector(deps.db, station.id, input.connectorId);
  // A connector reserved for one of the driver's tags starts with that tag (§5.13: the station checks it).
  const reservation = connector?.status === 'Reserved' ? await getActiveReservation(deps.db, station.id, input.connectorId) : undefined;
  const reservedTag = reservation && (await listDriverTagValues(deps.db, driver.id)).includes(reservation.idTag) ? reservation.idTag : undefined;
  const availability = connectorAvailability({ online: station.online, accepted: station.registrationStatus === 'accepted', status: connector?.status ?? null, reservedForDriver: Boolean(reservedTag) });
  if (!availability.canStart) throw conflict('connector_unavailable', availability.reason);
  const shortfall = await walletShortfallMessage(deps.db, driver.id);
  if (shortfall) throw conflict('balance_too_low', shortfall);
  const idTag = reservedTag ?? (await pickDriverIdTag(deps.db, driver.id, station.id, now));
  if (!idTag) throw conflict('no_usable_tag', NO_USABLE_TAG);
  const command = await sendCommand(deps, driverActor(driver), {
    stationId: station.id,
    action: 'RemoteStartTransaction',
    payload: { connectorId: input.connectorId, idTag },
    timeoutMs: DRIVER_COMMAND_TIMEOUT_MS,
  });
  const problem = commandOutcomeMessage(command, 'The station refused to start. Check that the cable is plugged in and try again.');
  if (problem) throw conflict('start_failed', problem);
  return { idTag, commandId: command.id };
}
