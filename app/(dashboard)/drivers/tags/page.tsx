import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { FormField } from '@/components/forms/form-field';
import { DriversNav } from '@/components/drivers/drivers-nav';
import { FilterSelect, queryProblems } from '@/components/drivers/filter-select';
import { IdTagForm } from '@/components/drivers/id-tag-form';
import { IdTagTable } from '@/components/drivers/id-tag-table';
import { listIdTagsQuery } from '@/lib/api/contracts/id-tags';
import { requireUser } from '@/lib/auth/session';
import { roleAllows } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { idTagStatuses } from '@/lib/db/schema';
import { listDriverChoices } from '@/lib/db/queries/drivers';
import { listIdTags, listIdTagValues, listSiteNames } from '@/lib/db/queries/id-tags';
import { idTagView } from '@/lib/id-tags/id-tag-view';
import { bulkBlockAction, createIdTagAction } from '../actions';

const PAGE_SIZE = 200;

export default async function IdTagsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, value]) => value)) as Record<string, string>;
  const parsed = listIdTagsQuery.safeParse(raw);
  const filter = { ...(parsed.success ? parsed.data : {}), limit: PAGE_SIZE };
  const db = getDb();
  const canEdit = roleAllows(user.role, 'operator');
  const [{ rows, total }, drivers, sites, parentChoices] = await Promise.all([
    listIdTags(db, filter),
    canEdit ? listDriverChoices(db) : [],
    canEdit ? listSiteNames(db) : [],
    canEdit ? listIdTagValues(db) : [],
  ]);
  const now = new Date();
  const apiQuery = new URLSearchParams(Object.entries({ ...filter, offset: undefined }).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]]))).toString();
  return (
    <>
      <PageHeader title="Drivers & tags" description="Id tags (RFID cards, key fobs): what stations are told when one is presented." />
      <DriversNav current="/drivers/tags" />
      <div className="min-w-0 space-y-6">
        <form method="get" className="grid gap-3 sm:grid-cols-3 sm:items-end" aria-label="Find tags">
          <FormField name="search" label="Search tags" type="search" defaultValue={raw.search} placeholder="Value, label or driver" />
          <FilterSelect name="status" label="Show status" value={raw.status} choices={idTagStatuses.map((status) => [status, status] as const)} />
          <Button type="submit">Filter</Button>
        </form>
        {!parsed.success ? <Alert variant="error">{queryProblems(parsed.error.issues)}</Alert> : null}
        {rows.length === 0 ? (
          <EmptyState title={Object.keys(raw).length > 0 ? 'No tag matches' : 'No tags yet'} description={canEdit ? 'Register a tag below, or import a CSV file.' : 'Operators register tags.'} />
        ) : (
          <IdTagTable initial={{ data: rows.map((row) => idTagView(row, now)), total }} apiQuery={apiQuery} label="Id tags" bulkAction={canEdit ? bulkBlockAction : undefined} />
        )}
        {canEdit ? (
          <Card>
            <CardHeader>
              <CardTitle>Register a tag</CardTitle>
              <CardDescription>A card that belongs to no driver yet can be given to one later.</CardDescription>
            </CardHeader>
            <CardContent>
              <IdTagForm action={createIdTagAction} drivers={drivers} sites={sites} parentChoices={parentChoices} submitLabel="Register tag" />
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
