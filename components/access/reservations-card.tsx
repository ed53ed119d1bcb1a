import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { FormState } from '@/lib/actions/form-action';
import type { ReservationView } from '@/lib/reservations/reservation-view';
import { CancelReservationButton, ReserveForm } from './reservation-forms';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { timeZone: 'UTC', dateStyle: 'short', timeStyle: 'short' }) + ' UTC';

/** Reservations of one station (OCPP 1.6 §5.13): reserve a connector for a tag, cancel, see what became of each. */
export function ReservationsCard(props: { stationId: string; reservations: ReservationView[]; canSend: boolean; actions: { reserve: Action; cancel: Action } }) {
  const { stationId, reservations, canSend, actions } = props;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Reservations</CardTitle>
        <CardDescription>A reserved connector shows Reserved and starts only for its tag until the reservation is used, cancelled or expires.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {canSend ? <ReserveForm stationId={stationId} action={actions.reserve} /> : null}
        {reservations.length === 0 ? (
          <p className="text-sm text-muted-foreground">No reservations yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" aria-label="Reservations">
              <thead>
                <tr className="text-left text-muted-foreground">
                  <th className="py-2 pr-3 font-normal">Id</th>
                  <th className="py-2 pr-3 font-normal">Connector</th>
                  <th className="py-2 pr-3 font-normal">Tag</th>
                  <th className="py-2 pr-3 font-normal">Until</th>
                  <th className="py-2 pr-3 font-normal">Status</th>
                  <th className="py-2 font-normal" />
                </tr>
              </thead>
              <tbody>
                {reservations.map((r) => (
                  <tr key={r.id} className="border-t">
                    <td className="py-2 pr-3 tabular-nums">{r.id}</td>
                    <td className="py-2 pr-3">{r.connectorId === 0 ? 'any' : r.connectorId}</td>
                    <td className="py-2 pr-3 font-mono">{r.idTag}</td>
                    <td className="py-2 pr-3">{when(r.expiryDate)}</td>
                    <td className="py-2 pr-3">{`${r.status}${r.stationAnswer && r.status === 'refused' ? ` (${r.stationAnswer})` : ''}${r.transactionId ? ` by session ${r.transactionId}` : ''}`}</td>
                    <td className="py-2 text-right">{canSend && r.status === 'active' ? <CancelReservationButton stationId={stationId} id={r.id} action={actions.cancel} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
