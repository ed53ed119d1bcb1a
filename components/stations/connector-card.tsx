import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDuration, formatKw, formatKwh } from '@/components/dashboard/format';
import type { StationDetailJson } from './station-detail-view';
import { StatusBadge } from './status-badge';

export function ConnectorCard({ connector, now }: { connector: StationDetailJson['connectors'][number]; now: number }) {
  const { session } = connector;
  return (
    <Card data-connector={connector.connectorId}>
      <CardHeader className="flex flex-row items-center justify-between gap-2">
        <CardTitle as="h3">{connector.connectorId === 0 ? 'Station (connector 0)' : `Connector ${connector.connectorId}`}</CardTitle>
        <StatusBadge status={connector.status} />
      </CardHeader>
      <CardContent className="space-y-1 text-sm">
        {connector.errorCode !== 'NoError' ? (
          <p className="text-danger">
            {connector.errorCode}
            {connector.vendorErrorCode ? ` (vendor ${connector.vendorId ?? ''} ${connector.vendorErrorCode})` : ''}
            {connector.info ? ` — ${connector.info}` : ''}
          </p>
        ) : null}
        {session ? (
          <dl className="grid grid-cols-2 gap-1">
            <dt className="text-muted-foreground">Power</dt>
            <dd className="tabular-nums" data-power>{formatKw(session.powerW)}</dd>
            <dt className="text-muted-foreground">Energy</dt>
            <dd className="tabular-nums">{formatKwh(session.energyWh)}</dd>
            <dt className="text-muted-foreground">Duration</dt>
            <dd>{formatDuration(session.startedAt, now)}</dd>
            <dt className="text-muted-foreground">Id tag</dt>
            <dd className="font-mono">{session.idTag}</dd>
          </dl>
        ) : (
          <p className="text-muted-foreground">No session. Status since {new Date(connector.statusAt).toLocaleString()}.</p>
        )}
      </CardContent>
    </Card>
  );
}
