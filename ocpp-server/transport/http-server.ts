import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import { parseOcppPath } from '@/lib/ocpp/station-identity';

export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

/**
 * Our own HTTP(S) server, so we own the path (`/ocpp/{stationId}`), TLS (wss:// when a certificate
 * is configured: security profile 2) and what happens to requests that are not OCPP upgrades.
 */
export function createOcppHttpServer(tls: TlsFiles | undefined): http.Server {
  const notFound: http.RequestListener = (_req, res) => {
    res.statusCode = 404;
    res.end('OCPP endpoint: connect a WebSocket to /ocpp/{stationId}\n');
  };
  const server = tls
    ? https.createServer({ cert: fs.readFileSync(tls.certFile), key: fs.readFileSync(tls.keyFile) }, notFound)
    : http.createServer(notFound);
  server.headersTimeout = 10_000;
  return server;
}

/** Sends a small HTTP error on a socket that asked to upgrade, and closes it. */
export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
        `Content-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`,
    );
  }
  socket.destroy();
}

/**
 * Only `/ocpp/{stationId}` with a valid identity (1–48 printable characters, URL-decoded) reaches
 * the OCPP library; anything else is refused at the upgrade.
 */
export function routeUpgrades(server: http.Server, handleUpgrade: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void): void {
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = parseOcppPath(pathname);
    if (!route) return refuseUpgrade(socket, 404, 'Not found: connect to /ocpp/{stationId}');
    if (!route.identity) return refuseUpgrade(socket, 400, 'Invalid station identity: 1-48 printable characters');
    handleUpgrade(req, socket, head);
  });
}
