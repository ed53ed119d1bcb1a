import { createCommandChannel } from '@/lib/bus/command-channel';
import { createCommandWaiter } from '@/lib/commands/command-waiter';
import type { CommandDeps } from '@/lib/commands/send-command';
import type { Actor } from '@/lib/auth/roles';
import type { DbClient } from '@/lib/db/client';
import { getStationById } from '@/lib/db/queries/stations';
import { eventually } from './eventually';

export const operator: Actor = { type: 'token', id: 'test-token', label: 'test operator token', role: 'operator' };
export const viewer: Actor = { type: 'token', id: 'test-viewer', label: 'test viewer token', role: 'viewer' };

/** What the web app wires in lib/commands/get-command-deps.ts, on a test database. */
export function commandDeps(db: DbClient): CommandDeps & { close(): Promise<void> } {
  const channel = createCommandChannel(db.$client);
  return { db, channel, waiter: createCommandWaiter(channel), close: () => channel.close() };
}

/** A station is online (and on which node) once the OCPP server has written its presence. */
export async function waitOnline(db: DbClient, stationId: string, nodeId?: string): Promise<void> {
  const station = await eventually(
    () => getStationById(db, stationId),
    (row) => row?.online === true && (!nodeId || row.nodeId === nodeId),
    10_000,
  );
  if (!station?.online) throw new Error(`${stationId} did not come online`);
}
