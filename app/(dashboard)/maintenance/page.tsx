import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';

export default async function MaintenancePage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Maintenance" description="Faults reported by stations, remote resets and firmware updates." />
      <EmptyState
        title="No faults or maintenance tasks"
        description="Faults that stations report in StatusNotification, and remote commands such as resets, will be listed here. Nothing needs attention until a station is connected and reports an error."
      />
    </>
  );
}
