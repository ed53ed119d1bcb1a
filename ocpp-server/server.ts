import type http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { MessageLogWriter } from '@/lib/message-log/message-log-writer';
import type { LastSeenTracker } from '@/lib/stations/last-seen-tracker';
import type { PresenceRecorder } from '@/lib/stations/presence-recorder';
import type { StationPasswordVerifier } from '@/lib/stations/password-verifier';
import type { StationDirectory } from '@/lib/stations/station-directory';
import type { ServerServices } from './handlers/context';
import { attachStation } from './transport/attach-station';
import { createUpgradeAuthenticator } from './transport/authenticate-upgrade';
import { createConnectionRegistry, terminate, type StationConnection } from './transport/connection-registry';
import { createOcppHttpServer, routeUpgrades, type TlsFiles } from './transport/http-server';
import type { RPCServerClient } from './transport/ocpp-rpc-types';
import { createRpcServer, type RpcServerOptions } from './transport/rpc-server';

export interface OcppServerDeps {
  services: ServerServices;
  presence: PresenceRecorder;
  messageLog: MessageLogWriter;
  lastSeen: LastSeenTracker;
  directory: StationDirectory;
  verifier: StationPasswordVerifier;
  rpc: RpcServerOptions;
  tls: TlsFiles | undefined;
  log(line: string): void;
  onError(error: unknown, where: string): void;
}

/** The WebSocket side: HTTP(S) server, upgrade auth, one StationConnection per station. */
export function createOcppServer(deps: OcppServerDeps) {
  const { services, presence } = deps;
  const registry = createConnectionRegistry();
  const rpc = createRpcServer(deps.rpc);
  const httpServer = createOcppHttpServer(deps.tls);
  const closing = new Set<Promise<void>>();
  /** Every socket until its close is recorded, replaced ones included (the registry holds current ones only). */
  const live = new Set<StationConnection>();

  rpc.auth(createUpgradeAuthenticator({ directory: deps.directory, verifier: deps.verifier, onError: (e) => deps.onError(e, 'upgrade') }));
  // Upgrade sockets are net.Sockets (or TLS sockets); Node types the event with the wider Duplex.
  routeUpgrades(httpServer, (req, socket, head) => void rpc.handleUpgrade(req, socket as Socket, head));
  rpc.on('error', (error: unknown) => deps.onError(error, 'rpc server'));

  rpc.on('client', (client: RPCServerClient) => {
    const connection = attachStation(client, { services, messageLog: deps.messageLog, lastSeen: deps.lastSeen, onError: deps.onError });
    const { stationId } = connection.session;
    const previous = registry.add(connection);
    live.add(connection);
    // Same identity twice: the newest connection wins. The older one is often a dead TCP session
    // that would never answer the close handshake: it gets a moment, then its socket is destroyed.
    if (previous) {
      void previous.client.close({ code: 1000, reason: 'Replaced by a newer connection' });
      setTimeout(() => terminate(previous), REPLACED_CLOSE_GRACE_MS).unref();
    }
    const at = services.now();
    connection.historyId = presence.connected({ stationId, protocol: connection.session.protocol, remoteAddress: client.handshake.remoteAddress ?? null, at });
    connection.historyId.then(
      () => services.bus.publish({ kind: 'station.connected', stationId }),
      (error) => deps.onError(error, `${stationId} connect`),
    );
    client.once('close', ({ code, reason }: { code?: number; reason?: string }) => {
      live.delete(connection);
      const done = recordClose(connection, code, reason).finally(() => closing.delete(done));
      closing.add(done);
    });
  });

  /** Set by close(): the shutdown releases all of this node's stations in two statements instead. */
  let closingAll = false;

  async function recordClose(connection: StationConnection, code: number | undefined, reason: string | undefined) {
    const { stationId } = connection.session;
    const replaced = !registry.remove(connection);
    if (closingAll) return;
    if (!replaced) deps.lastSeen.forget(stationId);
    try {
      const connectionId = await connection.historyId;
      await presence.disconnected({ stationId, connectionId, at: services.now(), closeCode: code ?? null, closeReason: reason || null, replaced });
      if (!replaced) services.bus.publish({ kind: 'station.disconnected', stationId });
    } catch (error) {
      deps.onError(error, `${stationId} disconnect`);
    }
  }

  return {
    registry,
    async listen(host: string, port: number): Promise<number> {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen({ host, port }, () => resolve());
      });
      return (httpServer.address() as AddressInfo).port;
    },
    /** Stops accepting, closes every socket (forcing the ones that do not answer), records it all. */
    async close(graceMs: number): Promise<void> {
      closingAll = true;
      httpServer.close();
      const closed = rpc.close({ code: 1001, reason: 'Server shutting down' });
      const timeout = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
      await Promise.race([closed, timeout]);
      for (const connection of live) terminate(connection);
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 500).unref())]);
      await Promise.allSettled([...closing]);
      closeIdleHttp(httpServer);
    },
  };
}
export type OcppServer = ReturnType<typeof createOcppServer>;

const REPLACED_CLOSE_GRACE_MS = 5000;

function closeIdleHttp(server: http.Server) {
  server.closeAllConnections?.();
}
