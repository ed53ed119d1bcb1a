import { createRPCError } from 'ocpp-rpc';
import type { LastSeenTracker } from '@/lib/stations/last-seen-tracker';
import type { MessageLogWriter } from '@/lib/message-log/message-log-writer';
import { isKnownV16Action } from '@/lib/ocpp/v16/actions';
import { toV16CallErrorFrame } from '@/lib/ocpp/v16/call-error-codes';
import type { OcppProtocol } from '@/lib/ocpp/protocols';
import type { HandlerContext, ServerServices, StationSession } from '../handlers/context';
import { allowedBeforeAcceptance, v16Handlers } from '../handlers/v16';
import type { StationConnection } from './connection-registry';
import type { UpgradeSession } from './authenticate-upgrade';
import { createFrameLogger } from './frame-logger';
import type { ClientMessageEvent, RPCServerClient } from './ocpp-rpc-types';

export interface AttachDeps {
  services: ServerServices;
  messageLog: MessageLogWriter;
  lastSeen: LastSeenTracker;
  onError(error: unknown, where: string): void;
}

/**
 * Wires one accepted socket to the handler table. Runs synchronously inside ocpp-rpc's 'client'
 * event: a handler registered after an `await` would miss the station's first call.
 */
export function attachStation(client: RPCServerClient, deps: AttachDeps): StationConnection {
  const upgrade = client.session as unknown as UpgradeSession;
  const session: StationSession = {
    stationId: client.identity!,
    protocol: client.protocol as OcppProtocol,
    registrationStatus: upgrade.registrationStatus,
    measureClockSkew: false,
  };
  const ctx: HandlerContext = { ...deps.services, stationId: session.stationId, session };
  const connection: StationConnection = { client, session, lastHeardAt: Date.now(), historyId: Promise.resolve(0) };

  for (const [action, handler] of Object.entries(v16Handlers)) {
    client.handle(action, async ({ params }) => {
      if (session.registrationStatus !== 'accepted' && !allowedBeforeAcceptance.has(action)) {
        // OCPP 1.6 §4.2.1: until accepted, a station should send nothing but BootNotification.
        throw createRPCError('SecurityError', `Station is not accepted (${session.registrationStatus}): send BootNotification`);
      }
      try {
        return await handler(ctx, params);
      } catch (error) {
        if (isRpcError(error)) throw error;
        deps.onError(error, `${session.stationId} ${action}`);
        throw createRPCError('InternalError', 'The server could not process this request; retry later');
      }
    });
  }
  client.handle(async ({ method }) => {
    // §4.2.3: NotSupported = recognised (a Central System message) but not handled; NotImplemented = unknown.
    if (method && isKnownV16Action(method)) throw createRPCError('NotSupported', `${method} is not sent by a Charge Point`);
    throw createRPCError('NotImplemented', `Unknown action '${method}'`);
  });

  const sendRaw = client.sendRaw.bind(client);
  client.sendRaw = (frame: string) => sendRaw(toV16CallErrorFrame(frame));

  const frames = createFrameLogger(session.stationId, deps.messageLog);
  client.on('message', ({ message, outbound }: ClientMessageEvent) => {
    if (!outbound) {
      connection.lastHeardAt = Date.now();
      deps.lastSeen.seen(session.stationId, connection.lastHeardAt);
    }
    frames.log(typeof message === 'string' ? message : message.toString('utf8'), outbound);
  });
  client.on('badMessage', () => frames.markLastInboundBad());
  client.on('ping', () => {
    connection.lastHeardAt = Date.now();
  });
  client.on('strictValidationFailure', ({ error, outbound, isCall }: { error: unknown; outbound: boolean; isCall: boolean }) => {
    if (outbound && !isCall) deps.onError(error, `${session.stationId} produced an invalid response`);
  });
  return connection;
}

/** ocpp-rpc's error classes are not importable as ESM named exports (spread in its CJS index). */
function isRpcError(error: unknown): boolean {
  return typeof (error as { rpcErrorCode?: unknown } | null)?.rpcErrorCode === 'string';
}
