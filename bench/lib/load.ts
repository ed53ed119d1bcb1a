import WebSocket from 'ws';

/**
 * A lean load generator: raw `ws` clients that send prebuilt OCPP-J frames and match replies by
 * message id, so the bench measures the server rather than a client library.
 */
export interface LoadStation {
  id: string;
  ws: WebSocket;
  seq: number;
  pending: Map<string, { sentAt: number; resolve(reply: unknown[]): void }>;
  /** WebSocket upgrade time, ms. */
  connectMs?: number;
}

export async function connectStations(
  url: string,
  ids: string[],
  options: { concurrency: number; onConnected?: (station: LoadStation) => Promise<void> },
): Promise<LoadStation[]> {
  const stations: LoadStation[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      const station = await openStation(url, id);
      stations.push(station);
      await options.onConnected?.(station);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, ids.length) }, worker));
  return stations;
}

function openStation(url: string, id: string): Promise<LoadStation> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const ws = new WebSocket(`${url}/${encodeURIComponent(id)}`, ['ocpp1.6'], { perMessageDeflate: false });
    const station: LoadStation = { id, ws, seq: 0, pending: new Map() };
    ws.on('message', (data) => {
      const reply = JSON.parse(data.toString()) as unknown[];
      const waiter = station.pending.get(reply[1] as string);
      if (waiter) {
        station.pending.delete(reply[1] as string);
        waiter.resolve(reply);
      }
    });
    ws.once('open', () => {
      station.connectMs = performance.now() - started;
      resolve(station);
    });
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`${id}: HTTP ${res.statusCode}`)));
  });
}

/** Sends one CALL and resolves with [reply, latency ms] (CALL sent → CALLRESULT received). */
export function call(station: LoadStation, action: string, payload: unknown): Promise<{ reply: unknown[]; latencyMs: number }> {
  const id = `${station.id}-${station.seq++}`;
  const sentAt = performance.now();
  return new Promise((resolve) => {
    station.pending.set(id, { sentAt, resolve: (reply) => resolve({ reply, latencyMs: performance.now() - sentAt }) });
    station.ws.send(`[2,"${id}","${action}",${JSON.stringify(payload)}]`);
  });
}

export interface RunResult {
  messages: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Sends `payload(station)` from every station, one outstanding call per station (as OCPP
 * requires), for `seconds`. `ratePerSecond` = 0: closed loop, as fast as replies come (throughput);
 * otherwise open loop at that total rate (latency at a given load).
 */
export async function runLoad(
  stations: LoadStation[],
  input: { action: string; payload: (station: LoadStation) => unknown; seconds: number; ratePerSecond: number },
): Promise<RunResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const endAt = started + input.seconds * 1000;
  const one = async (station: LoadStation) => {
    const { reply, latencyMs } = await call(station, input.action, input.payload(station));
    if (reply[0] === 3) latencies.push(latencyMs);
    else errors++;
  };
  if (input.ratePerSecond <= 0) {
    await Promise.all(stations.map(async (station) => {
      while (performance.now() < endAt) await one(station);
    }));
  } else {
    const gapMs = (stations.length / input.ratePerSecond) * 1000; // each station's period
    await Promise.all(stations.map(async (station, i) => {
      let due = started + (i / stations.length) * gapMs;
      while (due < endAt) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        await one(station);
        due += gapMs;
      }
    }));
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { messages: latencies.length, errors, seconds, perSecond: latencies.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99) };
}

export async function closeStations(stations: LoadStation[]): Promise<void> {
  await Promise.all(stations.map((s) => new Promise<void>((resolve) => {
    if (s.ws.readyState === WebSocket.CLOSED) return resolve();
    s.ws.once('close', () => resolve());
    s.ws.close();
    setTimeout(() => (s.ws.terminate(), resolve()), 3000).unref();
  })));
}
