import type { Reservation } from '../db/schema';

/** A reservation as the API and the UI show it. */
export function reservationView(r: Reservation) {
  return {
    id: r.id,
    stationId: r.stationId,
    connectorId: r.connectorId,
    idTag: r.idTag,
    expiryDate: r.expiresAt.toISOString(),
    status: r.status,
    stationAnswer: r.stationAnswer,
    transactionId: r.transactionId,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
  };
}
export type ReservationView = ReturnType<typeof reservationView>;
