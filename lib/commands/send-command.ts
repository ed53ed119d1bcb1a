import type { CommandChannel } from '../bus/command-channel';
import type { Db } from '../db/client';
import { finishCommand, getCommandById, insertCommand } from '../db/queries/commands';
import { isOcppNodeAlive } from '../db/queries/service-heartbeats';
import { getStationById } from '../db/queries/stations';
import { finalCommandStates, type Command } from '../db/schema';
import { roleAllows, type Actor } from '../auth/roles';
import { conflict, forbidden, notFound } from '../errors';
import { auditCommand } from './audit-command';
import type { CommandAction } from './command-catalog';
import type { CommandWaiter } from './command-waiter';
import { validateCommandPayload } from './validate-command-payload';

export const DEFAULT_COMMAND_TIMEOUT_MS = 30_000;
/** OCPP_NODE_DEAD_AFTER's default: a node whose heartbeat row is older is taken as dead. */
export const DEFAULT_NODE_DEAD_AFTER_MS = 30_000;

export interface CommandDeps {
  db: Db;
  channel: CommandChannel;
  waiter: CommandWaiter;
  nodeDeadAfterMs?: number;
}

export interface SendCommandInput {
  stationId: string;
  action: CommandAction;
  payload: unknown;
  timeoutMs?: number;
}

/**
 * Sends a CSMS-initiated OCPP 1.6 call (§5) through whichever OCPP node holds the station's socket
 * and waits for its outcome: the row is queued, a NOTIFY wakes the node, the node NOTIFYs back.
 * Returns the finished row in every case the station is concerned with (completed, rejected,
 * failed, timed_out, offline); throws an AppError only before anything was queued (400 invalid
 * payload, 403 viewer, 404 unknown station, 409 station_rejected).
 */
export async function sendCommand(deps: CommandDeps, actor: Actor, input: SendCommandInput): Promise<Command> {
  const { db } = deps;
  if (!roleAllows(actor.role, 'operator')) throw forbidden('Sending commands to stations needs the operator role');
  validateCommandPayload(input.action, input.payload);
  const station = await getStationById(db, input.stationId);
  if (!station) throw notFound(`Station ${input.stationId} not found`);
  // OCPP 1.6 §4.2: a station whose boot was Rejected is not in service with us; it answers nothing useful.
  if (station.registrationStatus === 'rejected') throw conflict('station_rejected', `Station ${station.id} is rejected: accept it before sending commands`);
  const timeoutMs = input.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const row = {
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    stationId: station.id,
    action: input.action,
    payload: input.payload,
    timeoutMs,
    nodeId: station.nodeId,
  };

  // Offline is known now: answer at once instead of waiting for a timeout. A node killed with -9
  // leaves its stations online until a live node notices; its stale heartbeat tells already.
  const nodeAlive = station.nodeId ? await isOcppNodeAlive(db, { nodeId: station.nodeId, staleAfterMs: deps.nodeDeadAfterMs ?? DEFAULT_NODE_DEAD_AFTER_MS }) : false;
  if (!station.online || !station.nodeId || !nodeAlive) {
    const errorDescription = station.online && !nodeAlive ? `The OCPP node holding the station (${station.nodeId}) stopped sending heartbeats` : 'The station is not connected';
    const offline = await insertCommand(db, { ...row, state: 'offline', errorCode: 'station_offline', errorDescription });
    await auditCommand(db, actor, offline);
    return offline;
  }

  const queued = await insertCommand(db, { ...row, state: 'queued' });
  const waiting = deps.waiter.wait(queued.id, {
    timeoutMs,
    recheck: async () => finalCommandStates.includes((await getCommandById(db, queued.id))?.state ?? 'queued'),
  });
  try {
    await waiting.ready;
    await deps.channel.notifyQueued({ commandId: queued.id, stationId: station.id, nodeId: station.nodeId });
  } catch (error) {
    await finishCommand(db, queued.id, ['queued'], { state: 'failed', errorCode: 'NotifyFailed', errorDescription: 'Could not notify the OCPP server' });
    throw error;
  }
  const ended = await waiting.done;
  const timedOut = ended
    ? undefined
    : await finishCommand(db, queued.id, ['queued', 'sending'], {
        state: 'timed_out',
        errorCode: 'Timeout',
        errorDescription: `No answer from the station within ${timeoutMs / 1000} s`,
      });
  const finished = timedOut ?? (await getCommandById(db, queued.id))!;
  await auditCommand(db, actor, finished);
  return finished;
}
