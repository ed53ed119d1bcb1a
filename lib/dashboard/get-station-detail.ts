import type { Db } from '../db/client';
import { getStationById } from '../db/queries/stations';
import { listConnectors, listConnectorStatusHistory } from '../db/queries/connectors';
import { listStationConnections } from '../db/queries/station-connections';
import { listTransactionAnomalies } from '../db/queries/transactions';
import { listLiveSessions } from '../db/queries/live-sessions';
import { notFound } from '../errors';

/** Everything the station page shows, in one call (the station's credentials never leave the server). */
export async function getStationDetail(db: Db, stationId: string) {
  const station = await getStationById(db, stationId);
  if (!station) throw notFound(`Station ${stationId} is not registered`);
  const { passwordHash, ...registry } = station;
  const [connectors, sessions, statusHistory, connections, anomalies] = await Promise.all([
    listConnectors(db, stationId),
    listLiveSessions(db, { stationId }),
    listConnectorStatusHistory(db, stationId, 100),
    listStationConnections(db, [stationId], 20),
    listTransactionAnomalies(db, stationId, 20),
  ]);
  return {
    station: { ...registry, hasPassword: passwordHash !== null },
    connectors: connectors.map((connector) => ({ ...connector, session: sessions.find((session) => session.connectorId === connector.connectorId) ?? null })),
    statusHistory,
    connections,
    anomalies,
  };
}

export type StationDetail = Awaited<ReturnType<typeof getStationDetail>>;
