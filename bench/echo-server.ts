import { WebSocketServer } from 'ws';

// The calibration baseline: a bare `ws` server on the same path that answers every CALL frame
// with an empty CALLRESULT, with no OCPP library, validation or database behind it.
const port = Number(process.argv[2] ?? 0);
const wss = new WebSocketServer({ host: '127.0.0.1', port, perMessageDeflate: false, handleProtocols: () => 'ocpp1.6' });
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as unknown[];
    ws.send(JSON.stringify([3, message[1], {}]));
  });
});
wss.on('listening', () => console.log(`echo listening on ${(wss.address() as { port: number }).port}`));
