import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { ConfirmDelete } from '@/components/drivers/confirm-delete';
import { DriverForm } from '@/components/drivers/driver-form';
import { IdTagForm } from '@/components/drivers/id-tag-form';
import { IdTagTable } from '@/components/drivers/id-tag-table';
import { InviteDriverForm } from '@/components/drivers/invite-driver-form';
import { requireUser } from '@/lib/auth/session';
import { roleAllows } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { getDriverAccount } from '@/lib/db/queries/driver-accounts';
import { listDriverCompanies } from '@/lib/db/queries/drivers';
import { listIdTagValues, listSiteNames } from '@/lib/db/queries/id-tags';
import { getDriverDetail } from '@/lib/drivers/get-driver-detail';
import { AppError } from '@/lib/errors';
import { InvoicingModeForm } from '@/components/statements/invoicing-mode-form';
import { StatementLinks } from '@/components/statements/statement-links';
import { getInvoicingSettings } from '@/lib/db/queries/statements';
import { getWalletByDriver } from '@/lib/db/queries/wallets';
import { invoicingAccount } from '@/lib/statements/invoicing-mode';
import { recentMonths } from '@/lib/statements/monthly-invoice-lines';
import { saveInvoicingAction } from './invoicing-actions';
import { bulkBlockAction, createIdTagAction, deleteDriverAction, inviteDriverAction, markEmailVerifiedAction, updateDriverAction } from '../actions';
import { MarkEmailVerifiedForm } from '@/components/drivers/mark-email-verified-form';

async function loadDriver(id: string) {
  if (!z.uuid().safeParse(id).success) notFound();
  try {
    return await getDriverDetail(getDb(), id);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

export default async function DriverPage({ params }: { params: Promise<{ driverId: string }> }) {
  const user = await requireUser();
  const driver = await loadDriver((await params).driverId);
  const canEdit = roleAllows(user.role, 'operator');
  const db = getDb();
  const [companies, sites, parentChoices] = canEdit ? await Promise.all([listDriverCompanies(db), listSiteNames(db), listIdTagValues(db)]) : [[], [], []];
  const portalAccount = await getDriverAccount(db, driver.id);
  const { idTags, ...fields } = driver;
  const [invoicing, wallet] = await Promise.all([getInvoicingSettings(db, driver.id, driver.company), getWalletByDriver(db, driver.id)]);
  const account = invoicingAccount(driver, invoicing);
  return (
    <>
      <PageHeader
        title={driver.name}
        description={[driver.company, driver.email, driver.phone].filter(Boolean).join(' · ') || 'No company or contact details'}
        actions={
          <Button asChild variant="outline">
            <Link href="/drivers">All drivers</Link>
          </Button>
        }
      />
      <div className="min-w-0 space-y-6">
        <div className="flex flex-wrap items-center gap-2">
          {driver.status === 'active' ? <Badge variant="success">Active</Badge> : <Badge variant="danger">Blocked: all their tags are refused</Badge>}
          {portalAccount?.emailVerifiedAt ? (
            <Badge variant="success" title={`Confirmed ${portalAccount.emailVerifiedAt.toISOString()}`}>
              Email verified
            </Badge>
          ) : portalAccount ? (
            <Badge variant="warning">Email not verified</Badge>
          ) : (
            <Badge variant="muted">No portal account</Badge>
          )}
          {roleAllows(user.role, 'admin') && driver.email && !portalAccount?.emailVerifiedAt ? <MarkEmailVerifiedForm driverId={driver.id} action={markEmailVerifiedAction} /> : null}
          {driver.notes ? <p className="text-sm text-muted-foreground">{driver.notes}</p> : null}
        </div>
        <section aria-labelledby="driver-tags" className="space-y-3">
          <h2 id="driver-tags" className="text-lg font-semibold">
            Tags
          </h2>
          {idTags.length === 0 ? <p className="text-muted-foreground">No tags yet.</p> : null}
          <IdTagTable initial={{ data: idTags, total: idTags.length }} apiQuery={`driverId=${driver.id}&limit=200`} label={`Tags of ${driver.name}`} bulkAction={canEdit ? bulkBlockAction : undefined} />
        </section>
        <Card>
          <CardHeader>
            <CardTitle>Invoicing and statements</CardTitle>
            <CardDescription>
              {account.mode === 'monthly'
                ? `One invoice per calendar month (UTC) to ${account.source === 'company' ? `the company ${account.accountName}` : driver.name}, issued after the month ends; sessions are still paid from the wallet when they stop.`
                : 'An invoice for each session when it stops.'}
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-6">
            {canEdit ? (
              <InvoicingModeForm
                driverId={driver.id}
                company={driver.company?.trim() || null}
                driverMode={invoicing.driver?.mode ?? 'inherit'}
                companyMode={invoicing.company?.mode ?? 'per_session'}
                action={saveInvoicingAction}
              />
            ) : null}
            {wallet ? (
              <StatementLinks months={recentMonths(new Date(), 6)} href={(month, format) => `/api/v1/wallets/${wallet.id}/statement?month=${month}&format=${format}`} />
            ) : (
              <p className="text-sm text-muted-foreground">No prepaid wallet: no wallet statements.</p>
            )}
          </CardContent>
        </Card>
        {canEdit ? (
          <>
            <Card>
              <CardHeader>
                <CardTitle>Add a tag</CardTitle>
                <CardDescription>An RFID card or key fob of {driver.name}.</CardDescription>
              </CardHeader>
              <CardContent>
                <IdTagForm action={createIdTagAction} drivers={[]} fixedDriverId={driver.id} sites={sites} parentChoices={parentChoices} submitLabel="Add tag" />
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Driver portal</CardTitle>
                <CardDescription>
                  A one-time link where {driver.name} sets a password, then starts and stops charging from a phone at /c/{'{station}'}/{'{connector}'}.
                </CardDescription>
              </CardHeader>
              <CardContent>
                <InviteDriverForm driverId={driver.id} hasEmail={Boolean(driver.email)} action={inviteDriverAction} />
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Driver details</CardTitle>
              </CardHeader>
              <CardContent>
                <DriverForm action={updateDriverAction} driver={fields} companies={companies} submitLabel="Save driver" />
              </CardContent>
            </Card>
            <ConfirmDelete
              label="Delete driver"
              title={`Delete ${driver.name}?`}
              description="Only a driver without tags can be deleted; the audit log keeps a record."
              fields={{ id: driver.id }}
              action={deleteDriverAction}
            />
          </>
        ) : null}
      </div>
    </>
  );
}
