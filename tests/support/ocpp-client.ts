import { RPCClient } from 'ocpp-rpc';
import WebSocket from 'ws';

/** A station on ocpp-rpc in strict mode (what real stations built on a library look like). */
export async function connectStation(
  url: string,
  identity: string,
  options: { password?: string; protocols?: string[]; reconnect?: boolean; ca?: Buffer } = {},
): Promise<RPCClient> {
  const client = new RPCClient({
    endpoint: url,
    identity,
    protocols: options.protocols ?? ['ocpp1.6'],
    strictMode: true,
    reconnect: options.reconnect ?? false,
    password: options.password ?? null,
    callTimeoutMs: 10_000,
    wsOpts: options.ca ? { ca: options.ca } : {},
    backoff: { initialDelay: 100, maxDelay: 500, factor: 2, randomisationFactor: 0 },
  } as unknown as ConstructorParameters<typeof RPCClient>[0]);
  await client.connect();
  return client;
}

export const boot = (client: RPCClient) =>
  client.call('BootNotification', { chargePointVendor: 'Test', chargePointModel: 'T1' }) as Promise<{ status: string; interval: number; currentTime: string }>;

/**
 * A bare WebSocket that sends frames as given (malformed ones included) and reads replies in order:
 * the way to check CALLERRORs, which a strict library client would refuse to send.
 */
export async function openRawStation(url: string, identity: string, protocols: string[] = ['ocpp1.6']) {
  const ws = new WebSocket(`${url}/${encodeURIComponent(identity)}`, protocols);
  const inbox: unknown[] = [];
  const waiters: ((message: unknown) => void)[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString('utf8')) as unknown;
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else inbox.push(message);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      if (inbox.length > 0) return resolve(inbox.shift());
      const timer = setTimeout(() => reject(new Error('no reply within 10 s')), 10_000);
      waiters.push((message) => {
        clearTimeout(timer);
        resolve(message);
      });
    });
  return {
    ws,
    send: (frame: string | object) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    next,
    /** Sends a CALL and returns the reply frame. */
    async call(action: string, payload: unknown, id = Math.random().toString(36).slice(2)) {
      ws.send(JSON.stringify([2, id, action, payload]));
      return (await next()) as unknown[];
    },
    close: () => new Promise<void>((resolve) => (ws.readyState === WebSocket.CLOSED ? resolve() : (ws.once('close', () => resolve()), ws.close()))),
  };
}

/** The HTTP status with which an upgrade was refused (or 101 when accepted). */
export function upgradeStatus(url: string, identityPath: string, options: { protocols?: string[]; headers?: Record<string, string> } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url}/${identityPath}`, options.protocols ?? ['ocpp1.6'], { headers: options.headers });
    ws.once('open', () => {
      ws.terminate();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', (error) => reject(error));
  });
}
