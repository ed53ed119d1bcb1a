import type { Db } from '../db/client';
import { getConnector, getOpenTransactionForTags, listDriverTagValues } from '../db/queries/driver-transactions';
import { listLiveSessions } from '../db/queries/live-sessions';
import { getActiveReservation } from '../db/queries/reservations';
import { getStationSite } from '../db/queries/sites';
import { getStationById } from '../db/queries/stations';
import { attachCosts, type CostSoFar } from '../dashboard/attach-costs';
import { resolveTariffAt } from '../tariffs/resolve-tariff';
import { summarizeTariff } from '../tariffs/describe-tariff';
import { connectorAvailability, type Availability } from './connector-availability';
import { isDriverEmailVerified } from './link-tokens';
import { NO_USABLE_TAG, pickDriverIdTag, walletShortfallMessage } from './start-charging';

export interface DriverLiveSession {
  transactionId: number;
  startedAt: string;
  energyWh: number;
  powerW: number | null;
  costSoFar: CostSoFar | null;
}

export interface DriverConnectorView {
  stationId: string;
  connectorId: number;
  status: string | null;
  online: boolean;
  /** "€0.30/kWh · €1.00 per session", or null when no tariff applies. */
  price: string | null;
  availability: Availability;
  /** The driver's own open session here; never anybody else's. */
  session: DriverLiveSession | null;
  /** Whether the signed-in driver's email is confirmed (Start waits for it); null when signed out. */
  emailVerified: boolean | null;
  /**
   * What holds the signed-in driver back wherever the connector stands: a prepaid balance below the
   * wallet's minimum, or no card that may charge here (all blocked or expired). Said up front, as
   * Start would; null when nothing does, while charging, or signed out.
   */
  blocker: DriverBlocker | null;
}

export type DriverBlocker = { code: 'balance_too_low' | 'no_usable_tag'; message: string };

async function driverBlocker(db: Db, driverId: string, stationId: string, now: Date): Promise<DriverBlocker | null> {
  const shortfall = await walletShortfallMessage(db, driverId);
  if (shortfall) return { code: 'balance_too_low', message: shortfall };
  if (!(await pickDriverIdTag(db, driverId, stationId, now))) return { code: 'no_usable_tag', message: NO_USABLE_TAG };
  return null;
}

/** What /c/{stationId}/{connectorId} shows a driver; undefined for an unknown station. */
export async function getDriverConnectorView(db: Db, input: { stationId: string; connectorId: number; driverId: string | null; now: Date }): Promise<DriverConnectorView | undefined> {
  const station = await getStationById(db, input.stationId);
  if (!station || input.connectorId < 1) return undefined;
  const [connector, site, tags, emailVerified] = await Promise.all([
    getConnector(db, station.id, input.connectorId),
    getStationSite(db, station.id),
    input.driverId ? listDriverTagValues(db, input.driverId) : Promise.resolve([]),
    input.driverId ? isDriverEmailVerified(db, input.driverId) : Promise.resolve(null),
  ]);
  const tariff = await resolveTariffAt(db, { stationId: station.id, connectorId: input.connectorId, siteId: site?.id ?? null, at: input.now });
  const open = await getOpenTransactionForTags(db, { stationId: station.id, connectorId: input.connectorId, tags });
  const reservation = connector?.status === 'Reserved' ? await getActiveReservation(db, station.id, input.connectorId) : undefined;
  let session: DriverLiveSession | null = null;
  if (open) {
    const live = (await listLiveSessions(db, { stationId: station.id })).filter((s) => s.transactionId === open.id);
    const [priced] = await attachCosts(db, live, input.now);
    if (priced) session = { transactionId: priced.transactionId, startedAt: priced.startedAt, energyWh: priced.energyWh, powerW: priced.powerW, costSoFar: priced.costSoFar };
  }
  const blocker = input.driverId && emailVerified && !session ? await driverBlocker(db, input.driverId, station.id, input.now) : null;
  return {
    stationId: station.id,
    connectorId: input.connectorId,
    status: connector?.status ?? null,
    online: station.online,
    price: tariff.found ? summarizeTariff(tariff.candidate.version.tariff) : null,
    availability: connectorAvailability({
      online: station.online,
      accepted: station.registrationStatus === 'accepted',
      status: connector?.status ?? null,
      reservedForDriver: Boolean(reservation && tags.includes(reservation.idTag)),
    }),
    session,
    emailVerified,
    blocker,
  };
}
