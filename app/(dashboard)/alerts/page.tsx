import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { AlertActions } from '@/components/alerts/alert-actions';
import { requireUser } from '@/lib/auth/session';
import { roleAllows } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { listAlerts } from '@/lib/db/queries/alerts';
import { defaultAlertThresholds } from '@/lib/alerts/alert-rules';

export const dynamic = 'force-dynamic';

const when = (date: Date | null) => (date ? date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '');
const kindLabels = { station_offline: 'Station offline', connector_faulted: 'Connector faulted', stuck_session: 'Stuck session', boot_rejected: 'Boot rejected', security_event: 'Security event' };

export default async function AlertsPage({ searchParams }: { searchParams: Promise<{ state?: string }> }) {
  const user = await requireUser();
  const state = (await searchParams).state === 'resolved' ? 'resolved' : 'open';
  const alerts = await listAlerts(getDb(), { state });
  const canHandle = roleAllows(user.role, 'operator');
  const t = defaultAlertThresholds;
  return (
    <>
      <PageHeader
        title="Alerts"
        description={`Raised every 30 s by the OCPP server: a station offline for more than ${t.offlineAfterMinutes} min, a Faulted connector, a session with no meter values for ${t.stuckNoMeterValuesMinutes} min, 0 W while charging for ${t.stuckZeroPowerMinutes} min or open longer than ${t.maxSessionHours} h, a rejected boot. They clear by themselves when the condition ends.`}
      />
      <nav aria-label="Alert state" className="mb-4 flex gap-4 text-sm">
        <Link href="/alerts" aria-current={state === 'open' ? 'page' : undefined} className="underline-offset-4 aria-[current=page]:font-semibold aria-[current=page]:underline">
          Open
        </Link>
        <Link href="/alerts?state=resolved" aria-current={state === 'resolved' ? 'page' : undefined} className="underline-offset-4 aria-[current=page]:font-semibold aria-[current=page]:underline">
          Resolved
        </Link>
      </nav>
      {alerts.length === 0 ? (
        <EmptyState title={state === 'open' ? 'No open alerts' : 'No resolved alerts'} description="All stations are behaving." />
      ) : (
        <Table aria-label="Alerts">
          <THead>
            <Tr>
              <Th>Raised</Th>
              <Th>Kind</Th>
              <Th>What</Th>
              <Th>Handled</Th>
              {canHandle && state === 'open' ? <Th><span className="sr-only">Actions</span></Th> : null}
            </Tr>
          </THead>
          <TBody>
            {alerts.map((alert) => (
              <Tr key={alert.id} data-alert={alert.key}>
                <Td className="whitespace-nowrap text-sm">{when(alert.raisedAt)}</Td>
                <Td>
                  <Badge variant={alert.kind === 'connector_faulted' || alert.kind === 'boot_rejected' || alert.kind === 'security_event' ? 'danger' : 'warning'}>{kindLabels[alert.kind]}</Badge>
                </Td>
                <Td>
                  <Link className="underline-offset-2 hover:underline" href={`/stations/${encodeURIComponent(alert.stationId)}`}>
                    {alert.message}
                  </Link>
                </Td>
                <Td className="text-xs text-muted-foreground">
                  {alert.acknowledgedAt ? <div>Acknowledged by {alert.acknowledgedBy}, {when(alert.acknowledgedAt)}</div> : null}
                  {alert.resolvedAt ? <div>Resolved by {alert.resolvedBy}, {when(alert.resolvedAt)}</div> : null}
                </Td>
                {canHandle && state === 'open' ? (
                  <Td>
                    <AlertActions id={alert.id} acknowledged={alert.acknowledgedAt !== null} />
                  </Td>
                ) : null}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
