import Link from 'next/link';
import { BillingTabs } from '@/components/billing/billing-tabs';
import { InvoiceTable } from '@/components/billing/invoice-table';
import { buttonVariants } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { listInvoiceViews } from '@/lib/invoices/invoice-view';

export default async function InvoicesPage() {
  await requireUser();
  const invoices = await listInvoiceViews(getDb(), { limit: 500 });
  return (
    <>
      <PageHeader
        title="Invoices"
        description="Issued when a priced session stops; numbered without gaps per year; never changed once issued (corrections are credit notes)."
        actions={
          <a className={buttonVariants({ variant: 'outline' })} href="/api/v1/invoices.csv" download>
            Export CSV
          </a>
        }
      />
      <BillingTabs current="/billing/invoices" />
      {invoices.length === 0 ? (
        <EmptyState title="No invoices yet" description="A session on a station with a tariff is invoiced when it stops." />
      ) : (
        <InvoiceTable invoices={invoices} />
      )}
      <p className="mt-4 text-xs text-muted-foreground">
        The newest 500. <Link href="/api-docs">GET /api/v1/invoices</Link> filters by date and driver.
      </p>
    </>
  );
}
