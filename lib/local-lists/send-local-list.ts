import { getStationLocalList, recordSentLocalList, saveStationLocalList } from '../db/queries/local-lists';
import type { Command } from '../db/schema';
import type { Actor } from '../auth/roles';
import { sendCommand, type CommandDeps } from '../commands/send-command';
import { desiredLocalList } from './desired-local-list';
import { diffLocalList, fullLocalList } from './diff-local-list';

export type LocalListUpdateType = 'Full' | 'Differential';

/**
 * SendLocalList (OCPP 1.6 §5.15) through the command path: Full sends the whole list computed from
 * the id tags, Differential only what changed since the list the station last accepted. The version
 * is one more than the last accepted; it is recorded only when the station answers Accepted.
 */
export async function sendLocalList(deps: CommandDeps, actor: Actor, input: { stationId: string; updateType: LocalListUpdateType; timeoutMs?: number }, now = new Date()) {
  const current = await getStationLocalList(deps.db, input.stationId);
  const previousVersion = current?.sentVersion ?? 0;
  const desired = await desiredLocalList(deps.db, input.stationId, now);
  const list = input.updateType === 'Full' ? fullLocalList(desired) : diffLocalList(current?.sentEntries ?? {}, desired);
  const listVersion = previousVersion + 1;
  const command = await sendCommand(deps, actor, {
    stationId: input.stationId,
    action: 'SendLocalList',
    payload: { listVersion, updateType: input.updateType, localAuthorizationList: list },
    timeoutMs: input.timeoutMs,
  });
  const status = answerStatus(command);
  if (status === 'Accepted') {
    await recordSentLocalList(deps.db, { stationId: input.stationId, previousVersion, version: listVersion, entries: desired }, now);
  } else if (command.state === 'completed' || command.state === 'rejected') {
    await saveStationLocalList(deps.db, input.stationId, { lastError: `${input.updateType} version ${listVersion}: ${status}` }, now);
  }
  return { command, status, listVersion, updateType: input.updateType, entries: list.length };
}

/** GetLocalListVersion (§5.10): -1 = no local list support, 0 = no list installed. */
export async function checkLocalListVersion(deps: CommandDeps, actor: Actor, stationId: string, now = new Date()) {
  const command = await sendCommand(deps, actor, { stationId, action: 'GetLocalListVersion', payload: {} });
  const listVersion = command.state === 'completed' ? (command.response as { listVersion: number }).listVersion : null;
  if (listVersion !== null) await saveStationLocalList(deps.db, stationId, { reportedVersion: listVersion, reportedAt: now }, now);
  return { command, listVersion };
}

const answerStatus = (command: Command) => (command.response as { status?: string } | null)?.status ?? null;
