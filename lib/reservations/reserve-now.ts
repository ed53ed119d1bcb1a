import type { Db } from '../db/client';
import { getIdTagByValue } from '../db/queries/id-tags';
import { getStationById } from '../db/queries/stations';
import { getReservationById, insertReservation, setReservationStatus } from '../db/queries/reservations';
import type { Command, Reservation } from '../db/schema';
import type { Actor } from '../auth/roles';
import { sendCommand, type CommandDeps } from '../commands/send-command';
import { badRequest, conflict, notFound } from '../errors';
import { isUniqueViolation } from '../id-tags/is-unique-violation';

export interface ReserveNowInput {
  stationId: string;
  connectorId: number;
  idTag: string;
  expiryDate: Date;
}

/** Why a command got no CALLRESULT, in the reservation's own words. */
const noAnswer = (command: Command) => (command.state === 'offline' ? 'station offline' : command.state === 'timed_out' ? 'no answer in time' : `failed: ${command.errorCode ?? 'unknown'}`);

async function checkInput(db: Db, input: ReserveNowInput, now: Date) {
  if (input.expiryDate <= now) throw badRequest('expiryDate: must lie in the future', 'expiryDate');
  const station = await getStationById(db, input.stationId);
  if (!station) throw notFound(`Station ${input.stationId} not found`);
  const tag = await getIdTagByValue(db, input.idTag);
  if (!tag) throw badRequest(`idTag: ${input.idTag} is not a registered id tag`, 'idTag');
  return tag;
}

/**
 * ReserveNow (OCPP 1.6 §5.13) through the command path. The row comes first (its id is the
 * reservationId the station echoes in StartTransaction); the station's answer makes it active or
 * refused. One open reservation per connector (409 connector_reserved).
 */
export async function reserveNow(deps: CommandDeps, actor: Actor, input: ReserveNowInput, now = new Date()): Promise<{ reservation: Reservation; command: Command }> {
  const tag = await checkInput(deps.db, input, now);
  let pending: Reservation;
  try {
    pending = await insertReservation(deps.db, { ...input, expiresAt: input.expiryDate, parentIdTag: tag.parentIdTag, createdBy: actor.label, createdAt: now });
  } catch (error) {
    if (isUniqueViolation(error, 'reservations_one_active_per_connector')) throw conflict('connector_reserved', `connectorId: connector ${input.connectorId} of ${input.stationId} is reserved already`, 'connectorId');
    throw error;
  }
  const command = await sendCommand(deps, actor, {
    stationId: input.stationId,
    action: 'ReserveNow',
    payload: { connectorId: input.connectorId, expiryDate: input.expiryDate.toISOString(), idTag: input.idTag, reservationId: pending.id, ...(tag.parentIdTag ? { parentIdTag: tag.parentIdTag } : {}) },
  });
  const answer = (command.response as { status?: string } | null)?.status;
  const reservation =
    answer === 'Accepted'
      ? await setReservationStatus(deps.db, pending.id, ['pending'], { status: 'active', stationAnswer: answer })
      : await setReservationStatus(deps.db, pending.id, ['pending'], { status: 'refused', stationAnswer: answer ?? noAnswer(command), endedAt: now });
  return { reservation: reservation ?? (await getReservationById(deps.db, pending.id))!, command };
}
