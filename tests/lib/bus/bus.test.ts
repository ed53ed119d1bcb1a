import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { createBus } from '@/lib/bus/bus';
import type { CsmsEvent } from '@/lib/bus/events';
import { MAX_PAYLOAD_BYTES, packPayloads } from '@/lib/bus/pack-payloads';
import { eventually } from '../../support/eventually';

describe('packPayloads', () => {
  it('packs items into payloads under the NOTIFY limit', () => {
    const items = Array.from({ length: 2000 }, (_, i) => ({ kind: 'meter.values', stationId: `STATION-${i}`, connectorId: 1, transactionId: i }));
    const payloads = packPayloads(items);
    expect(payloads.length).toBeGreaterThan(1);
    expect(payloads.every((p) => Buffer.byteLength(p) <= MAX_PAYLOAD_BYTES)).toBe(true);
    expect(payloads.flatMap((p) => JSON.parse(p) as unknown[])).toEqual(items);
  });
});

describe('createBus over LISTEN/NOTIFY', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('delivers events across connections, coalescing identical ones, and collapses to resync under load', async () => {
    const publisher = createBus(t.db.$client, { channel: 'test_events', flushMs: 10, maxPending: 100 });
    const subscriber = createBus(t.db.$client, { channel: 'test_events' });
    const received: CsmsEvent[] = [];
    subscriber.subscribe((event) => received.push(event));
    await new Promise((resolve) => setTimeout(resolve, 100)); // LISTEN is set up

    for (let i = 0; i < 5; i++) publisher.publish({ kind: 'station.updated', stationId: 'S1' });
    publisher.publish({ kind: 'connector.status', stationId: 'S1', connectorId: 2 });
    await publisher.flush();
    await eventually(async () => received.length, (n) => n >= 2);
    expect(received).toEqual([{ kind: 'station.updated', stationId: 'S1' }, { kind: 'connector.status', stationId: 'S1', connectorId: 2 }]);

    received.length = 0;
    for (let i = 0; i < 150; i++) publisher.publish({ kind: 'station.updated', stationId: `S${i}` });
    await publisher.flush();
    await eventually(async () => received.length, (n) => n > 0);
    expect(received[0]).toEqual({ kind: 'resync' });
    expect(received.length).toBeLessThan(100);
    await publisher.close();
    await subscriber.close();
  });
});
