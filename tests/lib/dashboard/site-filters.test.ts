import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import { addStations, startSession, stopSession, utc } from '../billing/fixtures';
import { createApiToken } from '@/lib/api-tokens/create-api-token';
import { systemActor } from '@/lib/auth/roles';
import { createSite } from '@/lib/sites/create-site';
import { createSiteSchema } from '@/lib/sites/schemas';
import { assignSiteStations } from '@/lib/sites/assign-site-stations';
import { eventMatcher } from '@/lib/live/event-matcher';
import { StationSiteIndex } from '@/lib/live/station-site-index';
import * as eventsRoute from '@/app/api/v1/events/route';
import * as stationsRoute from '@/app/api/v1/stations/route';
import * as transactionsRoute from '@/app/api/v1/transactions/route';
import * as liveRoute from '@/app/api/v1/transactions/live/route';

let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
let north: string;
let south: string;

beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  await addStations(t.db, 'N-1', 'N-2', 'S-1', 'LONE-1');
  north = (await createSite(t.db, systemActor, createSiteSchema.parse({ name: 'North', timeZone: 'Europe/Berlin' }))).id;
  south = (await createSite(t.db, systemActor, createSiteSchema.parse({ name: 'South', timeZone: 'Europe/Rome' }))).id;
  await assignSiteStations(t.db, systemActor, north, ['N-1', 'N-2']);
  await assignSiteStations(t.db, systemActor, south, ['S-1']);
  const done = await startSession(t.db, { stationId: 'N-1', startedAt: utc('08:00'), meterStart: 0 });
  await stopSession(t.db, done, utc('09:00'), 1000);
  await stopSession(t.db, await startSession(t.db, { stationId: 'S-1', startedAt: utc('08:00'), meterStart: 0 }), utc('09:00'), 1000);
  await startSession(t.db, { stationId: 'N-2', startedAt: utc('10:00'), meterStart: 0 });
  await startSession(t.db, { stationId: 'S-1', connectorId: 2, startedAt: utc('10:00'), meterStart: 0 });
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

describe('site filters', () => {
  it('lists the stations of one site, and every site for the filter menu', async () => {
    const response = await api.call(stationsRoute.GET, { role: 'viewer', path: `/api/v1/stations?siteId=${north}` });
    expect(response.status).toBe(200);
    expect((response.body.data as { id: string }[]).map((row) => row.id)).toEqual(['N-1', 'N-2']);
    expect(response.body.sites).toEqual([
      { id: north, name: 'North' },
      { id: south, name: 'South' },
    ]);
    const bad = await api.call(stationsRoute.GET, { role: 'viewer', path: '/api/v1/stations?siteId=north' });
    expect(bad).toMatchObject({ status: 400, body: { error: { field: 'siteId' } } });
  });

  it('lists the sessions (history and live) of one site', async () => {
    const history = await api.call(transactionsRoute.GET, { role: 'viewer', path: `/api/v1/transactions?siteId=${south}` });
    expect((history.body.data as { stationId: string }[]).map((row) => row.stationId)).toEqual(['S-1', 'S-1']);
    const live = await api.call(liveRoute.GET, { role: 'viewer', path: `/api/v1/transactions/live?siteId=${north}` });
    expect((live.body.data as { stationId: string }[]).map((row) => row.stationId)).toEqual(['N-2']);
  });

  it('streams only the events of the stations of a site over SSE', async () => {
    const { token } = await createApiToken(t.db, systemActor, { name: 'sse', role: 'viewer' });
    const abort = new AbortController();
    const response = await eventsRoute.GET(
      new Request(`http://localhost/api/v1/events?siteId=${south}`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal }),
      { params: Promise.resolve({}) },
    );
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    let text = '';
    const reader = response.body!.getReader();
    const reading = (async () => {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += new TextDecoder().decode(chunk.value);
    })().catch(() => {});
    const events = [
      { kind: 'connector.status', stationId: 'N-1', connectorId: 1 },
      { kind: 'idTag.updated', idTag: 'X' },
      { kind: 'connector.status', stationId: 'LONE-1', connectorId: 1 },
      { kind: 'connector.status', stationId: 'S-1', connectorId: 1 },
    ];
    // The route's LISTEN connection starts with its first use: publish until it hears.
    for (let attempt = 0; attempt < 50 && !text.includes('"stationId":"S-1"'); attempt++) {
      await t.db.$client.notify('csms_events', JSON.stringify(events));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    abort.abort();
    await reading;
    expect(text).toMatch(/event: connector.status\ndata: \{"kind":"connector.status","stationId":"S-1","connectorId":1\}/);
    expect(text).not.toContain('N-1');
    expect(text).not.toContain('LONE-1');
    expect(text).not.toContain('idTag.updated');
  });

  it('answers 400 naming siteId when it is not a site id', async () => {
    const response = await api.call(eventsRoute.GET, { role: 'viewer', path: `/api/v1/events?siteId=${north},nope` });
    expect(response).toMatchObject({ status: 400, body: { error: { field: 'siteId.1' } } });
  });
});

describe('eventMatcher and StationSiteIndex', () => {
  it('matches station and site filters together, resolving the site when the event arrives', async () => {
    let sites = new Map([['A', 'site-1']]);
    let clock = 0;
    const index = new StationSiteIndex(async () => new Map(sites), 1000, () => clock);
    await index.ready();
    const matches = eventMatcher({ siteIds: ['site-1'], stationIds: ['A', 'B'], siteOf: (id) => index.siteOf(id) });
    expect(matches({ kind: 'station.connected', stationId: 'A' })).toBe(true);
    expect(matches({ kind: 'station.connected', stationId: 'B' })).toBe(false);
    sites = new Map([['B', 'site-1']]);
    clock = 2000; // stale: the next lookup reloads in the background
    index.siteOf('B');
    await index.ready();
    expect(matches({ kind: 'station.connected', stationId: 'B' })).toBe(true);
    expect(matches({ kind: 'station.connected', stationId: 'A' })).toBe(false);
    expect(eventMatcher({ siteOf: () => undefined })({ kind: 'idTag.updated', idTag: 'X' })).toBe(true);
  });
});
