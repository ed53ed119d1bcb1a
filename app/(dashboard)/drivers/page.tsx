import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { FormField } from '@/components/forms/form-field';
import { DriverForm } from '@/components/drivers/driver-form';
import { FilterSelect, queryProblems } from '@/components/drivers/filter-select';
import { DriversNav } from '@/components/drivers/drivers-nav';
import { listDriversQuery } from '@/lib/api/contracts/drivers';
import { requireUser } from '@/lib/auth/session';
import { roleAllows } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { listDriverCompanies, listDrivers } from '@/lib/db/queries/drivers';
import { createDriverAction } from './actions';

export default async function DriversPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, value]) => value));
  const parsed = listDriversQuery.safeParse(raw);
  const db = getDb();
  const [{ rows, total }, companies] = await Promise.all([listDrivers(db, { ...(parsed.success ? parsed.data : {}), limit: 200 }), listDriverCompanies(db)]);
  const canEdit = roleAllows(user.role, 'operator');
  return (
    <>
      <PageHeader title="Drivers & tags" description="The people who charge, grouped by company or fleet, with their RFID cards (id tags)." />
      <DriversNav current="/drivers" />
      <div className="min-w-0 space-y-6">
        <form method="get" className="grid gap-3 sm:grid-cols-4 sm:items-end" aria-label="Find drivers">
          <FormField name="search" label="Search drivers" type="search" defaultValue={raw.search} placeholder="Name, email, phone or company" />
          <FilterSelect name="company" label="Show company" value={raw.company} choices={companies.map((company) => [company, company] as const)} />
          <FilterSelect name="status" label="Show status" value={raw.status} choices={[['active', 'Active'], ['blocked', 'Blocked']]} />
          <Button type="submit">Filter</Button>
        </form>
        {!parsed.success ? <Alert variant="error">{queryProblems(parsed.error.issues)}</Alert> : null}
        {rows.length === 0 ? (
          <EmptyState title={Object.keys(raw).length > 0 ? 'No driver matches' : 'No drivers yet'} description={canEdit ? 'Add a driver below, or import a CSV file.' : 'Operators add drivers and their tags.'} />
        ) : (
          <Table aria-label="Drivers">
            <THead>
              <Tr>
                <Th>Driver</Th>
                <Th>Company or fleet</Th>
                <Th>Contact</Th>
                <Th>Status</Th>
                <Th>Tags</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((driver) => (
                <Tr key={driver.id} data-driver={driver.name}>
                  <Td>
                    <Link className="font-medium underline-offset-2 hover:underline" href={`/drivers/${driver.id}`}>
                      {driver.name}
                    </Link>
                  </Td>
                  <Td>{driver.company ?? <span className="text-muted-foreground">—</span>}</Td>
                  <Td className="text-sm">
                    <div>{driver.email ?? ''}</div>
                    <div className="text-muted-foreground">{driver.phone ?? ''}</div>
                  </Td>
                  <Td>{driver.status === 'active' ? <Badge variant="success">Active</Badge> : <Badge variant="danger">Blocked</Badge>}</Td>
                  <Td className="tabular-nums">{driver.tagCount}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        {total > rows.length ? <p className="text-sm text-muted-foreground">Showing {rows.length} of {total}: narrow the search to see the others.</p> : null}
        {canEdit ? (
          <Card>
            <CardHeader>
              <CardTitle>Add a driver</CardTitle>
              <CardDescription>Then give them their tags on their page.</CardDescription>
            </CardHeader>
            <CardContent>
              <DriverForm action={createDriverAction} companies={companies} submitLabel="Add driver" />
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
