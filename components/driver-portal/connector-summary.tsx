import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { DriverConnectorView } from '@/lib/driver-portal/connector-view';

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

/** Which connector this is, its status in plain words, and the price that applies. */
export function ConnectorSummary({ view }: { view: DriverConnectorView }) {
  return (
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
              {view.online ? (STATUS_WORDS[view.status ?? ''] ?? 'Unknown') : 'Offline'}
            </dd>
          </div>
          <div className="flex justify-between gap-4">
            <dt className="text-muted-foreground">Price</dt>
            <dd className="text-right font-medium">{view.price ?? 'Ask the operator'}</dd>
          </div>
        </dl>
      </CardContent>
    </Card>
  );
}
