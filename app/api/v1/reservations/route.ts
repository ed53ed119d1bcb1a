import { NextResponse } from 'next/server';
import { apiRoute, requireActor } from '@/lib/api/api-route';
import { createReservationOperation, listReservationsOperation } from '@/lib/api/contracts/reservations';
import { commandHttpResult } from '@/lib/commands/command-result';
import { getCommandDeps } from '@/lib/commands/get-command-deps';
import { listReservations } from '@/lib/db/queries/reservations';
import { reserveNow } from '@/lib/reservations/reserve-now';
import { reservationView } from '@/lib/reservations/reservation-view';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(listReservationsOperation, async ({ db, query }) => ({ data: (await listReservations(db, query)).map(reservationView) }));

export const POST = apiRoute(createReservationOperation, async ({ actor, body }) => {
  const { reservation, command } = await reserveNow(getCommandDeps(), requireActor(actor), body);
  if (reservation.status === 'active') return NextResponse.json(reservationView(reservation), { status: 201 });
  if (command.state === 'completed' || command.state === 'rejected') {
    return NextResponse.json(
      { error: { code: 'reservation_refused', message: `The station answered ${reservation.stationAnswer}`, reservation: reservationView(reservation) } },
      { status: 409 },
    );
  }
  const { status, body: error } = commandHttpResult(command);
  return NextResponse.json(error, { status });
});
