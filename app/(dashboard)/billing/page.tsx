import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';

export default async function BillingPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Tariffs & billing" description="Prices per kWh, per minute and per session, and what each session cost." />
      <EmptyState
        title="No tariffs yet"
        description="Tariffs and the cost of each completed session will appear here. Setting up tariffs from this page is not available yet."
      />
    </>
  );
}
