import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { FormField } from '@/components/forms/form-field';
import { FilterSelect } from '@/components/drivers/filter-select';
import { LiveSessionsPanel } from '@/components/sessions/live-sessions-panel';
import { formatKwh } from '@/components/dashboard/format';
import { requireUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { listSessions } from '@/lib/db/queries/session-history';
import { listSiteNames } from '@/lib/db/queries/sites';
import { listSessionsQuery } from '@/lib/api/contracts/stations';

export const dynamic = 'force-dynamic';

const when = (date: Date | null) => (date ? date.toISOString().replace('T', ' ').slice(0, 16) : '—');

export default async function SessionsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireUser();
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, value]) => value));
  const parsed = listSessionsQuery.safeParse(raw);
  const [sessions, sites] = await Promise.all([
    parsed.success ? listSessions(getDb(), { ...parsed.data, state: parsed.data.state ?? 'completed' }) : [],
    listSiteNames(getDb()),
  ]);
  const siteId = parsed.success ? parsed.data.siteId : undefined;
  return (
    <>
      <PageHeader title="Sessions" description="Charging sessions: live ones update by themselves; history below." />
      <section aria-labelledby="live" className="mb-8 space-y-3">
        <h2 id="live" className="text-lg font-semibold">Live</h2>
        <LiveSessionsPanel siteId={siteId} />
      </section>
      <section aria-labelledby="history" className="space-y-4">
        <h2 id="history" className="text-lg font-semibold">History</h2>
        <form method="get" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-8 sm:items-end" aria-label="Filter sessions">
          <FormField name="from" label="Started from" type="date" defaultValue={raw.from} />
          <FormField name="to" label="Started before" type="date" defaultValue={raw.to} />
          <FormField name="stationId" label="Station" defaultValue={raw.stationId} />
          <FormField name="idTag" label="Id tag" defaultValue={raw.idTag} />
          <FormField name="driver" label="Driver" defaultValue={raw.driver} placeholder="name or email" />
          <FilterSelect name="siteId" label="Site" value={raw.siteId} choices={sites.map((site) => [site.id, site.name] as const)} />
          <FilterSelect name="needsReview" label="Review" value={raw.needsReview} choices={[['true', 'Needs review'], ['false', 'Reviewed / normal']] as const} />
          <Button type="submit">Filter</Button>
        </form>
        {!parsed.success ? (
          <Alert variant="error">{parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}</Alert>
        ) : sessions.length === 0 ? (
          <EmptyState title="No finished sessions match" description="Sessions appear here when a station sends StopTransaction." />
        ) : (
          <Table aria-label="Session history">
            <THead>
              <Tr>
                <Th>#</Th>
                <Th>Station</Th>
                <Th>Id tag</Th>
                <Th>Started (UTC)</Th>
                <Th>Stopped (UTC)</Th>
                <Th>Energy</Th>
                <Th>Stop reason</Th>
              </Tr>
            </THead>
            <TBody>
              {sessions.map((session) => (
                <Tr key={session.id}>
                  <Td>
                    <Link className="underline-offset-2 hover:underline" href={`/sessions/${session.id}`}>
                      {session.id}
                    </Link>
                  </Td>
                  <Td>
                    {session.stationId} / {session.connectorId}
                  </Td>
                  <Td className="font-mono text-sm">{session.idTag}</Td>
                  <Td className="whitespace-nowrap text-sm">{when(session.startedAt)}</Td>
                  <Td className="whitespace-nowrap text-sm">{when(session.stoppedAt)}</Td>
                  <Td className="tabular-nums">{formatKwh(session.energyWh)}</Td>
                  <Td className="text-sm">
                    {session.serverStopReason ?? session.stopReason ?? '—'}
                    {session.needsReview ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">Needs review</span> : null}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </>
  );
}
