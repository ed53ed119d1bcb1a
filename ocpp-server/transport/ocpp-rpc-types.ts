import type { RPCClient } from 'ocpp-rpc';
import type { IHandshakeInterface } from 'ocpp-rpc/lib/server-client';

/** ocpp-rpc's server-side client, typed for what we use (its bundled typings omit the server-client export). */
export type RPCServerClient = RPCClient & {
  readonly handshake: IHandshakeInterface;
  readonly session: Record<string, unknown>;
};

export interface ClientMessageEvent {
  message: string | Buffer;
  outbound: boolean;
}
