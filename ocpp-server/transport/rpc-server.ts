import { RPCServer } from 'ocpp-rpc';
import { supportedProtocols } from '@/lib/ocpp/protocols';
import { createStrictValidatorV16 } from '@/lib/ocpp/v16/strict-validator';

export interface RpcServerOptions {
  maxFrameBytes: number;
  callTimeoutMs: number;
  pingIntervalMs: number;
}

/**
 * ocpp-rpc in strict mode: every request and response is checked against the official OCPP 1.6
 * schemas (our validator picks the 1.6 CALLERROR codes). A frame over `maxFrameBytes` closes that
 * one socket (1009, RFC 6455 §7.4.1) before it is buffered; other connections are untouched.
 */
export function createRpcServer(options: RpcServerOptions): RPCServer {
  return new RPCServer({
    protocols: [...supportedProtocols],
    strictMode: true,
    strictModeValidators: [createStrictValidatorV16()],
    callTimeoutMs: options.callTimeoutMs,
    pingIntervalMs: options.pingIntervalMs,
    // Ping on schedule even when busy: a pong is how a quiet station proves it is alive.
    deferPingsOnActivity: false,
    respondWithDetailedErrors: false,
    // A malformed frame is answered with a CALLERROR and the connection stays open.
    maxBadMessages: Infinity,
    wssOptions: { maxPayload: options.maxFrameBytes, perMessageDeflate: false },
  });
}
