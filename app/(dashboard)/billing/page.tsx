import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { AssignmentList } from '@/components/billing/assignment-list';
import { BillingTabs } from '@/components/billing/billing-tabs';
import { DefaultTariffForm } from '@/components/billing/default-tariff-form';
import { requireUser } from '@/lib/auth/session';
import { roleAllows } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { summarizeTariff } from '@/lib/tariffs/describe-tariff';
import { listTariffs } from '@/lib/tariffs/get-tariff';
import { removeAssignmentAction, setDefaultTariffAction } from './actions';

export default async function BillingPage() {
  const user = await requireUser();
  const tariffs = await listTariffs(getDb());
  const isAdmin = roleAllows(user.role, 'admin');
  const current = tariffs.find((tariff) => tariff.is_default);
  const assignments = tariffs.flatMap((tariff) => tariff.assignments.map((assignment) => ({ ...assignment, tariffName: tariff.name })));
  return (
    <>
      <PageHeader
        title="Tariffs & billing"
        description="What sessions cost: tariffs (OCPI 2.2.1), where they apply, and the default."
        actions={isAdmin ? <Link className={buttonVariants()} href="/billing/tariffs/new">New tariff</Link> : null}
      />
      <BillingTabs current="/billing" />
      {tariffs.length === 0 ? (
        <EmptyState
          title="No tariffs yet"
          description={isAdmin ? 'Create a tariff, then make it the default or assign it to sites, stations or connectors.' : 'An admin defines tariffs; sessions are priced once one applies.'}
        />
      ) : (
        <div className="grid gap-6">
          <Table aria-label="Tariffs">
            <THead>
              <Tr>
                <Th>Tariff</Th>
                <Th>Prices (excl. VAT)</Th>
                <Th>Version</Th>
                <Th>Applies to</Th>
              </Tr>
            </THead>
            <TBody>
              {tariffs.map((tariff) => (
                <Tr key={tariff.id} data-tariff={tariff.name}>
                  <Td>
                    <Link className="font-medium underline-offset-2 hover:underline" href={`/billing/tariffs/${tariff.id}`}>
                      {tariff.name}
                    </Link>{' '}
                    {tariff.is_default ? <Badge variant="success">Default</Badge> : null}
                  </Td>
                  <Td className="text-sm">{summarizeTariff(tariff)}</Td>
                  <Td className="tabular-nums">
                    v{tariff.version} <span className="text-xs text-muted-foreground">{new Date(tariff.last_updated).toLocaleDateString()}</span>
                  </Td>
                  <Td className="tabular-nums">{tariff.assignments.filter((a) => a.scope !== 'default').length || '—'}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Card>
            <CardHeader>
              <CardTitle>Default tariff</CardTitle>
              <CardDescription>
                Applies to every connector without a tariff of its own, its station&apos;s or its site&apos;s. {isAdmin ? '' : `Now: ${current?.name ?? 'none'}. Only admins can change it.`}
              </CardDescription>
            </CardHeader>
            {isAdmin ? (
              <CardContent>
                <DefaultTariffForm tariffs={tariffs.map(({ id, name }) => ({ id, name }))} currentId={current?.id ?? null} action={setDefaultTariffAction} />
              </CardContent>
            ) : null}
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Assignments</CardTitle>
              <CardDescription>The most specific wins: connector, then station, then site, then the default.</CardDescription>
            </CardHeader>
            <CardContent>
              <AssignmentList assignments={assignments} removeAction={isAdmin ? removeAssignmentAction : undefined} showTariff />
            </CardContent>
          </Card>
        </div>
      )}
    </>
  );
}
