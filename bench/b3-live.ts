import { call, closeStations, connectStations, type LoadStation } from './lib/load';
import { openSseClient } from './lib/sse-client';
import { percentiles } from './lib/percentiles';

export interface B3Result {
  stations: number;
  statusChanges: number;
  ratePerSecond: number;
  /** StatusNotification sent → its connector.status event read by the SSE client, ms. */
  sseLatency: ReturnType<typeof percentiles>;
  /** StatusNotification sent → CALLRESULT received, ms. */
  callLatency: ReturnType<typeof percentiles>;
  /** Changes whose event never arrived (coalesced with a later change of the same station counts as arrived). */
  missing: number;
}

/**
 * B3: `stations` real OCPP sockets, booted; a real SSE client on /api/v1/events; then every station
 * changes its connector status in turn at `ratePerSecond` in total for `seconds`. The latency of a
 * change is from the moment its StatusNotification is written to the socket to the moment the SSE
 * client has read a connector.status event of that station (the oldest change still waiting).
 */
export async function runB3(input: { ocppUrl: string; eventsUrl: string; token: string; stations: number; seconds: number; ratePerSecond: number }): Promise<B3Result> {
  const ids = Array.from({ length: input.stations }, (_, i) => `B3-${String(i).padStart(5, '0')}`);
  const stations = await connectStations(input.ocppUrl, ids, {
    concurrency: 200,
    async onConnected(station) {
      await call(station, 'BootNotification', { chargePointVendor: 'Bench', chargePointModel: 'B3' });
      await call(station, 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });
    },
  });
  const waiting = new Map<string, number[]>();
  const sseLatencies: number[] = [];
  const sse = await openSseClient(input.eventsUrl, input.token, (name, data) => {
    if (name !== 'connector.status') return;
    const sent = waiting.get(data.stationId as string);
    if (!sent?.length) return;
    sseLatencies.push(performance.now() - sent[0]!);
    waiting.delete(data.stationId as string); // one event stands for every change of the station before it
  });
  await new Promise((resolve) => setTimeout(resolve, 3000)); // the boot storm's events drain first

  const callLatencies: number[] = [];
  let changes = 0;
  const started = performance.now();
  const endAt = started + input.seconds * 1000;
  const periodMs = (stations.length / input.ratePerSecond) * 1000;
  await Promise.all(
    stations.map(async (station: LoadStation, i) => {
      let due = started + (i / stations.length) * periodMs;
      for (let turn = 0; due < endAt; turn++, due += periodMs) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const list = waiting.get(station.id) ?? [];
        list.push(performance.now());
        waiting.set(station.id, list);
        changes++;
        const { latencyMs } = await call(station, 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: turn % 2 === 0 ? 'Preparing' : 'Available' });
        callLatencies.push(latencyMs);
      }
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 3000)); // stragglers
  sse.close();
  await closeStations(stations);
  return {
    stations: stations.length,
    statusChanges: changes,
    ratePerSecond: changes / input.seconds,
    sseLatency: percentiles(sseLatencies),
    callLatency: percentiles(callLatencies),
    missing: [...waiting.values()].filter((list) => list.length > 0).length,
  };
}
