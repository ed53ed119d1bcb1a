import crypto from 'node:crypto';
import type { CsmsEvent } from '../bus/events';

export interface JournalEntry {
  id: string;
  event: CsmsEvent;
}

/**
 * Numbers the bus events this process received and keeps the latest ones, so an SSE client that
 * reconnects with Last-Event-ID gets what it missed. Ids are `<boot>-<seq>`: after a restart of
 * this process (or when the gap is older than the journal) the client is told to `resync`.
 */
export class EventJournal {
  private readonly boot = crypto.randomBytes(4).toString('hex');
  private seq = 0;
  private readonly entries: JournalEntry[] = [];
  private readonly listeners = new Set<(entry: JournalEntry) => void>();

  constructor(private readonly capacity = 2000) {}

  append(event: CsmsEvent): JournalEntry {
    const entry = { id: `${this.boot}-${++this.seq}`, event };
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.shift();
    for (const listener of this.listeners) listener(entry);
    return entry;
  }

  subscribe(listener: (entry: JournalEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Entries after `lastEventId`, or null when they cannot be known (other boot, or already dropped). */
  since(lastEventId: string): JournalEntry[] | null {
    const [boot, seqText] = lastEventId.split('-');
    const seq = Number(seqText);
    if (boot !== this.boot || !Number.isInteger(seq) || seq > this.seq) return null;
    const oldest = this.entries[0] ? Number(this.entries[0].id.split('-')[1]) : this.seq + 1;
    if (seq + 1 < oldest) return null;
    return this.entries.filter((entry) => Number(entry.id.split('-')[1]) > seq);
  }
}
