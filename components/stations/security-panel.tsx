import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { getDb } from '@/lib/db/client';
import { listCertificateSigningRequests, listSecurityEvents } from '@/lib/db/queries/security-events';
import { getStationById } from '@/lib/db/queries/stations';

const utc = (at: Date | null) => (at ? at.toISOString().replace('T', ' ').slice(0, 19) : '—');

/**
 * The station's side of the OCPP 1.6 Security Whitepaper: security events, certificate signing
 * requests (shown to operators only: they sign them with their CA) and the state of the last log upload.
 */
export async function SecurityPanel({ stationId, showCertificateRequests }: { stationId: string; showCertificateRequests: boolean }) {
  const db = getDb();
  const [station, events, requests] = await Promise.all([
    getStationById(db, stationId),
    listSecurityEvents(db, stationId),
    showCertificateRequests ? listCertificateSigningRequests(db, stationId) : Promise.resolve([]),
  ]);
  if (!station) return <EmptyState title="Station not registered" description={`${stationId} has never connected.`} />;
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Security events</CardTitle>
          <CardDescription>SecurityEventNotification from the station, newest first by the station clock. Critical ones are marked.</CardDescription>
        </CardHeader>
        <CardContent>
          {events.length === 0 ? (
            <p className="text-sm text-muted-foreground">No security events reported.</p>
          ) : (
            <Table aria-label="Security events">
              <THead>
                <Tr>
                  <Th>Station time (UTC)</Th>
                  <Th>Event</Th>
                  <Th>Details</Th>
                  <Th>Received (UTC)</Th>
                </Tr>
              </THead>
              <TBody>
                {events.map((event) => (
                  <Tr key={event.id}>
                    <Td className="whitespace-nowrap">{utc(event.occurredAt)}</Td>
                    <Td>
                      {event.type} {event.critical ? <Badge variant="danger">critical</Badge> : null}
                    </Td>
                    <Td className="max-w-md break-all text-xs">{event.techInfo ?? ''}</Td>
                    <Td className="whitespace-nowrap text-xs text-muted-foreground">{utc(event.receivedAt)}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Log upload and signed firmware</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-1 text-sm">
          <p>
            Last log status: <strong>{station.logStatus ?? 'none reported'}</strong> <span className="text-muted-foreground">{station.logStatusAt ? `at ${utc(station.logStatusAt)}` : ''}</span>
          </p>
          <p>
            Last firmware status: <strong>{station.firmwareStatus ?? 'none reported'}</strong>{' '}
            <span className="text-muted-foreground">{station.firmwareStatusAt ? `at ${utc(station.firmwareStatusAt)}` : ''}</span>
          </p>
        </CardContent>
      </Card>
      {showCertificateRequests ? (
        <Card>
          <CardHeader>
            <CardTitle>Certificate signing requests</CardTitle>
            <CardDescription>
              CSRs sent with SignCertificate. Sign one with your CA, then send the chain with CertificateSigned from the Maintenance or OCPP messages tab.
            </CardDescription>
          </CardHeader>
          <CardContent>
            {requests.length === 0 ? (
              <p className="text-sm text-muted-foreground">No certificate signing requests received.</p>
            ) : (
              <ul className="grid gap-3" aria-label="Certificate signing requests">
                {requests.map((request) => (
                  <li key={request.id}>
                    <details>
                      <summary className="cursor-pointer text-sm">Received {utc(request.receivedAt)}</summary>
                      <pre className="mt-2 overflow-x-auto rounded bg-muted p-3 text-xs">{request.csr}</pre>
                    </details>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
