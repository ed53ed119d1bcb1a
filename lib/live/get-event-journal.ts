import { getBus } from '../bus/get-bus';
import { EventJournal } from './event-journal';

const globalForJournal = globalThis as unknown as { csmsEventJournal?: EventJournal };

/** The web process's journal, fed by its one LISTEN connection. */
export function getEventJournal(): EventJournal {
  if (!globalForJournal.csmsEventJournal) {
    const journal = new EventJournal();
    getBus().subscribe((event) => journal.append(event));
    globalForJournal.csmsEventJournal = journal;
  }
  return globalForJournal.csmsEventJournal;
}
