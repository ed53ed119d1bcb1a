import { notFound } from 'next/navigation';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ConnectorPanel } from '@/components/driver-portal/connector-panel';
import { getDb } from '@/lib/db/client';
import { getDriverConnectorView } from '@/lib/driver-portal/connector-view';
import { getSessionDriver } from '@/lib/driver-portal/driver-session';
import { startChargingAction, stopChargingAction } from '../../../driver/actions';

export const metadata = { title: 'Charge here' };

const STATUS_WORDS: Record<string, string> = {
  Available: 'Available',
  Preparing: 'Plugged in, ready',
  Charging: 'Charging',
  SuspendedEV: 'Paused by the car',
  SuspendedEVSE: 'Paused by the station',
  Finishing: 'Finishing',
  Reserved: 'Reserved',
  Unavailable: 'Out of service',
  Faulted: 'Out of order',
};

/** What the QR sticker on a connector opens: status, price, Start; then the live session. */
export default async function ConnectorLandingPage({ params }: { params: Promise<{ stationId: string; connectorId: string }> }) {
  const { stationId, connectorId } = await params;
  if (!/^\d{1,4}$/.test(connectorId)) notFound();
  const driver = await getSessionDriver();
  const view = await getDriverConnectorView(getDb(), { stationId: decodeURIComponent(stationId), connectorId: Number(connectorId), driverId: driver?.id ?? null, now: new Date() });
  if (!view) notFound();
  const status = view.online ? (STATUS_WORDS[view.status ?? ''] ?? 'Unknown') : 'Offline';
  return (
    <>
      <Card>
        <CardHeader>
          <CardDescription>{`Station ${view.stationId}`}</CardDescription>
          <CardTitle as="h1" className="text-2xl">{`Connector ${view.connectorId}`}</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-1 gap-3 text-base">
            <div className="flex justify-between gap-4">
              <dt className="text-muted-foreground">Status</dt>
              <dd className="font-medium" data-testid="connector-status">
                {status}
              </dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-muted-foreground">Price</dt>
              <dd className="text-right font-medium">{view.price ?? 'Ask the operator'}</dd>
            </div>
          </dl>
        </CardContent>
      </Card>
      <ConnectorPanel initial={view} signedIn={Boolean(driver)} start={startChargingAction} stop={stopChargingAction} />
    </>
  );
}
