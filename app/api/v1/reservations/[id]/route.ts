import { NextResponse } from 'next/server';
import { apiRoute, requireActor } from '@/lib/api/api-route';
import { cancelReservationOperation } from '@/lib/api/contracts/reservations';
import { commandHttpResult } from '@/lib/commands/command-result';
import { getCommandDeps } from '@/lib/commands/get-command-deps';
import { cancelReservation } from '@/lib/reservations/cancel-reservation';
import { reservationView } from '@/lib/reservations/reservation-view';

export const dynamic = 'force-dynamic';

export const DELETE = apiRoute(cancelReservationOperation, async ({ actor, params }) => {
  const { reservation, command } = await cancelReservation(getCommandDeps(), requireActor(actor), params.id);
  if (reservation.status === 'active' && command) {
    const { status, body } = commandHttpResult(command);
    return NextResponse.json(body, { status });
  }
  return reservationView(reservation);
});
