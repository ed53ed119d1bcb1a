import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { DriversNav } from '@/components/drivers/drivers-nav';
import { ImportForm } from '@/components/drivers/import-form';
import { requireUser } from '@/lib/auth/session';
import { roleAllows } from '@/lib/auth/roles';
import { MAX_IMPORT_ROWS } from '@/lib/drivers/csv';
import { DRIVER_COLUMNS } from '@/lib/drivers/driver-csv';
import { ID_TAG_COLUMNS } from '@/lib/id-tags/id-tag-csv';
import { importCsvAction } from './actions';

export default async function ImportExportPage() {
  const user = await requireUser();
  const canEdit = roleAllows(user.role, 'operator');
  return (
    <>
      <PageHeader title="Drivers & tags" description="CSV files in and out. An import is all or nothing: one bad row and no row is imported." />
      <DriversNav current="/drivers/import" />
      <div className="grid gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        {[
          {
            kind: 'drivers' as const,
            title: 'Drivers',
            columns: DRIVER_COLUMNS,
            rules: 'A row with an id updates that driver (export first to get the ids); a row without one adds a driver. Required: name. status: active or blocked (empty: active).',
          },
          {
            kind: 'id-tags' as const,
            title: 'Id tags',
            columns: ID_TAG_COLUMNS,
            rules:
              'A row whose idTag is registered replaces that tag’s settings; other rows register tags. Required: idTag, status (Accepted, Blocked, Expired). expiryDate: ISO 8601, or a date (valid through that day, UTC). maxActiveTransactions: empty = 1, “unlimited” = no limit. Driver by driverId or driverEmail; sites by name, separated by “;” (empty: all sites). Import drivers first.',
          },
        ].map((section) => (
          <Card key={section.kind}>
            <CardHeader>
              <CardTitle>{section.title}</CardTitle>
              <CardDescription>
                Columns: <code className="break-all text-xs">{section.columns.join(',')}</code>. {section.rules} At most {MAX_IMPORT_ROWS} rows and 1 MB per file.
              </CardDescription>
            </CardHeader>
            <CardContent className="space-y-6">
              <Button asChild variant="outline">
                <a href={`/drivers/csv/${section.kind}`} download>
                  Export {section.title.toLowerCase()} (CSV)
                </a>
              </Button>
              {canEdit ? <ImportForm kind={section.kind} label={`Import ${section.title.toLowerCase()} from a CSV file`} action={importCsvAction} /> : null}
            </CardContent>
          </Card>
        ))}
      </div>
    </>
  );
}
