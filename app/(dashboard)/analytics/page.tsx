import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';

export default async function AnalyticsPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Analytics" description="Energy delivered, sessions and utilisation over time." />
      <EmptyState
        title="No data to chart yet"
        description="Charts of energy, session counts and station utilisation are drawn from completed sessions. They will fill in once stations have charged vehicles."
      />
    </>
  );
}
