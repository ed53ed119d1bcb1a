import { getReservationById, setReservationStatus } from '../db/queries/reservations';
import type { Command, Reservation } from '../db/schema';
import type { Actor } from '../auth/roles';
import { sendCommand, type CommandDeps } from '../commands/send-command';
import { conflict, notFound } from '../errors';

/**
 * CancelReservation (OCPP 1.6 §5.2). Accepted, or Rejected (the station holds no such reservation
 * any more): either way it is over. No answer (offline, timeout): it stays active, and the command
 * comes back for the caller to report.
 */
export async function cancelReservation(deps: CommandDeps, actor: Actor, id: number, now = new Date()): Promise<{ reservation: Reservation; command: Command | null }> {
  const reservation = await getReservationById(deps.db, id);
  if (!reservation) throw notFound(`Reservation ${id} not found`);
  if (reservation.status !== 'active') throw conflict('reservation_not_active', `Reservation ${id} is ${reservation.status}, not active`);
  const command = await sendCommand(deps, actor, { stationId: reservation.stationId, action: 'CancelReservation', payload: { reservationId: id } });
  const answer = (command.response as { status?: string } | null)?.status;
  if (!answer) return { reservation, command };
  const cancelled = await setReservationStatus(deps.db, id, ['active'], { status: 'cancelled', stationAnswer: `CancelReservation: ${answer}`, endedAt: now });
  return { reservation: cancelled ?? (await getReservationById(deps.db, id))!, command };
}
