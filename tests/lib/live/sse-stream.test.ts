import { describe, expect, it } from 'vitest';
import { EventJournal } from '@/lib/live/event-journal';
import { createSseStream } from '@/lib/live/sse-stream';

async function readFor(stream: ReadableStream<Uint8Array>, untilText: string): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes(untilText)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  reader.releaseLock();
  return text;
}

describe('EventJournal', () => {
  it('replays what a client missed, and asks for a resync when it cannot know', () => {
    const journal = new EventJournal(3);
    const first = journal.append({ kind: 'station.connected', stationId: 'A' });
    journal.append({ kind: 'station.connected', stationId: 'B' });
    const third = journal.append({ kind: 'station.connected', stationId: 'C' });
    expect(journal.since(first.id)?.map((entry) => entry.event)).toEqual([
      { kind: 'station.connected', stationId: 'B' },
      { kind: 'station.connected', stationId: 'C' },
    ]);
    expect(journal.since(third.id)).toEqual([]);
    journal.append({ kind: 'station.connected', stationId: 'D' });
    journal.append({ kind: 'station.connected', stationId: 'E' });
    expect(journal.since(first.id)).toBeNull(); // B fell out of the window
    expect(journal.since('otherboot-1')).toBeNull();
    expect(journal.since('garbage')).toBeNull();
  });
});

describe('createSseStream', () => {
  it('sends missed events after Last-Event-ID, then live ones, filtered, with ids', async () => {
    const journal = new EventJournal();
    const seen = journal.append({ kind: 'connector.status', stationId: 'A', connectorId: 1 });
    journal.append({ kind: 'connector.status', stationId: 'B', connectorId: 1 });
    journal.append({ kind: 'connector.status', stationId: 'A', connectorId: 2 });
    const abort = new AbortController();
    const stream = createSseStream({ journal, lastEventId: seen.id, matches: (event) => 'stationId' in event && event.stationId === 'A', signal: abort.signal });
    const replay = await readFor(stream, '"connectorId":2');
    expect(replay).toContain('retry: 3000');
    expect(replay).not.toContain('"stationId":"B"');
    expect(replay).toMatch(/id: [0-9a-f]+-3\nevent: connector.status\ndata: \{"kind":"connector.status","stationId":"A","connectorId":2\}/);

    journal.append({ kind: 'station.disconnected', stationId: 'A' });
    expect(await readFor(stream, 'station.disconnected')).toContain('event: station.disconnected');
    abort.abort();
  });

  it('tells a client from another boot to resync', async () => {
    const abort = new AbortController();
    const stream = createSseStream({ journal: new EventJournal(), lastEventId: 'deadbeef-7', signal: abort.signal });
    expect(await readFor(stream, 'resync')).toContain('event: resync');
    abort.abort();
  });
});
