import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import type { StationDetailJson } from './station-detail-view';
import { StatusBadge } from './status-badge';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

export function StationHistory({ statusHistory, connections, anomalies }: Pick<StationDetailJson, 'statusHistory' | 'connections' | 'anomalies'>) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle>Status history</CardTitle>
        </CardHeader>
        <CardContent>
          {statusHistory.length === 0 ? (
            <p className="text-sm text-muted-foreground">No status changes yet.</p>
          ) : (
            <Table aria-label="Status history">
              <THead>
                <Tr>
                  <Th>Time</Th>
                  <Th>Connector</Th>
                  <Th>Status</Th>
                  <Th>Error</Th>
                </Tr>
              </THead>
              <TBody>
                {statusHistory.map((row) => (
                  <Tr key={row.id}>
                    <Td className="whitespace-nowrap text-xs">{when(row.at)}</Td>
                    <Td>{row.connectorId}</Td>
                    <Td>
                      <StatusBadge status={row.status} />
                    </Td>
                    <Td className="text-xs">{row.errorCode === 'NoError' ? '' : [row.errorCode, row.vendorErrorCode, row.info].filter(Boolean).join(' · ')}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <div className="grid content-start gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Connections</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="space-y-1 text-sm">
              {connections.length === 0 ? <li className="text-muted-foreground">Never connected.</li> : null}
              {connections.map((connection) => (
                <li key={connection.id}>
                  {when(connection.connectedAt)} → {connection.disconnectedAt ? when(connection.disconnectedAt) : <strong>connected</strong>}
                  <span className="text-muted-foreground">
                    {' '}
                    · {connection.protocol} · {connection.nodeId}
                    {connection.closeReason ? ` · ${connection.closeReason}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Transaction anomalies</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="space-y-1 text-sm">
              {anomalies.length === 0 ? <li className="text-muted-foreground">None recorded.</li> : null}
              {anomalies.map((anomaly) => (
                <li key={anomaly.id}>
                  {when(anomaly.at)} · <code>{anomaly.kind}</code>
                  {anomaly.transactionId ? ` · transaction ${anomaly.transactionId}` : ''}
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
