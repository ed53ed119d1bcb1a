import { roleAllows, type Actor } from '../auth/roles';
import type { Db } from '../db/client';
import { insertCommand } from '../db/queries/commands';
import { getStationById } from '../db/queries/stations';
import { stationReachability } from './station-reachability';
import type { Command } from '../db/schema';
import { conflict, forbidden, notFound } from '../errors';
import type { CommandAction } from './command-catalog';
import { validateCommandPayload } from './validate-command-payload';

export const DEFAULT_COMMAND_TIMEOUT_MS = 30_000;
/** OCPP_NODE_DEAD_AFTER's default: a node whose heartbeat row is older is taken as dead. */
export const DEFAULT_NODE_DEAD_AFTER_MS = 30_000;

export interface CreateCommandInput {
  stationId: string;
  action: CommandAction;
  payload: unknown;
  timeoutMs?: number;
}

/**
 * The row of a CSMS-initiated call (OCPP 1.6 §5), addressed to the node that holds the station's
 * socket: `queued` (the caller announces it on the command channel) or, when the station is known
 * to be unreachable now, `offline` at once. Throws an AppError before anything is stored: 400
 * invalid payload, 403 viewer, 404 unknown station, 409 station_rejected.
 */
export async function createCommand(deps: { db: Db; nodeDeadAfterMs?: number }, actor: Actor, input: CreateCommandInput): Promise<Command> {
  const { db } = deps;
  if (!roleAllows(actor.role, 'operator')) throw forbidden('Sending commands to stations needs the operator role');
  validateCommandPayload(input.action, input.payload);
  const station = await getStationById(db, input.stationId);
  if (!station) throw notFound(`Station ${input.stationId} not found`);
  // OCPP 1.6 §4.2: a station whose boot was Rejected is not in service with us; it answers nothing useful.
  if (station.registrationStatus === 'rejected') throw conflict('station_rejected', `Station ${station.id} is rejected: accept it before sending commands`);
  const row = {
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    stationId: station.id,
    action: input.action,
    payload: input.payload,
    timeoutMs: input.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
    nodeId: station.nodeId,
  };
  const reachability = await stationReachability(db, station, deps.nodeDeadAfterMs ?? DEFAULT_NODE_DEAD_AFTER_MS);
  if (reachability === 'reachable') return insertCommand(db, { ...row, state: 'queued' });
  const errorDescription = reachability === 'node_stale' ? `The OCPP node holding the station (${station.nodeId}) stopped sending heartbeats` : 'The station is not connected';
  return insertCommand(db, { ...row, state: 'offline', errorCode: 'station_offline', errorDescription });
}
