import type { RPCServerClient } from './ocpp-rpc-types';
import type { StationSession } from '../handlers/context';

export interface StationConnection {
  client: RPCServerClient;
  session: StationSession;
  /** Date.now() of the last frame or pong from the station. */
  lastHeardAt: number;
  /** The station_connections row id, once written. */
  historyId: Promise<number>;
}

/** Live connections of this node, by station identity: at most one each (the newest wins). */
export function createConnectionRegistry() {
  const byStation = new Map<string, StationConnection>();
  return {
    /** Registers the connection and returns the one it replaces, if any. */
    add(connection: StationConnection): StationConnection | undefined {
      const previous = byStation.get(connection.session.stationId);
      byStation.set(connection.session.stationId, connection);
      return previous;
    },
    /** Removes it unless a newer connection took its place; true when it was the current one. */
    remove(connection: StationConnection): boolean {
      if (byStation.get(connection.session.stationId) !== connection) return false;
      byStation.delete(connection.session.stationId);
      return true;
    },
    get: (stationId: string) => byStation.get(stationId),
    all: () => byStation.values(),
    get size() {
      return byStation.size;
    },
  };
}
export type ConnectionRegistry = ReturnType<typeof createConnectionRegistry>;

/** Destroys the TCP socket under a connection; ocpp-rpc then reports the close (1006) as usual. */
export function terminate(connection: StationConnection): void {
  connection.client.handshake.request.socket.destroy();
}
