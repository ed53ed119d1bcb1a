import WebSocket from 'ws';

/**
 * Stations that boot and then answer every CALL from the CSMS at once with `{status: 'Accepted'}`
 * (valid for Reset, the command B4 sends): raw `ws`, so the figure is the CSMS's, not a library's.
 */
export async function connectAnsweringStations(url: string, ids: string[], concurrency = 200): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) sockets.push(await openAnsweringStation(url, ids[next++]!));
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
  return sockets;
}

function openAnsweringStation(url: string, id: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url}/${encodeURIComponent(id)}`, ['ocpp1.6'], { perMessageDeflate: false });
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as unknown[];
      if (frame[0] === 2) ws.send(JSON.stringify([3, frame[1], { status: 'Accepted' }]));
      if (frame[0] === 3 && frame[1] === 'boot') resolve(ws);
    });
    ws.once('open', () => ws.send(JSON.stringify([2, 'boot', 'BootNotification', { chargePointVendor: 'Bench', chargePointModel: 'B4' }])));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`${id}: HTTP ${res.statusCode}`)));
  });
}

export async function closeSockets(sockets: WebSocket[]): Promise<void> {
  await Promise.all(
    sockets.map(
      (ws) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === WebSocket.CLOSED) return resolve();
          ws.once('close', () => resolve());
          ws.close();
          setTimeout(() => (ws.terminate(), resolve()), 3000).unref();
        }),
    ),
  );
}
