import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';

export default async function SessionsPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Sessions" description="Charging sessions, live and completed, with energy and cost." />
      <EmptyState
        title="No charging sessions yet"
        description="A session is recorded when a connected station starts a transaction. Connect a station on the Stations page, then plug in and present a tag, or start one from the simulator."
      />
    </>
  );
}
