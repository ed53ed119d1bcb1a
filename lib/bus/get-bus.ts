import { getDb } from '../db/client';
import { createBus, type Bus } from './bus';

const globalForBus = globalThis as unknown as { csmsBus?: Bus };

/** The process-wide bus on the process-wide database client (one LISTEN connection per process). */
export function getBus(): Bus {
  globalForBus.csmsBus ??= createBus(getDb().$client);
  return globalForBus.csmsBus;
}
