import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';

export default async function DriversPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Drivers & tags" description="Drivers and the RFID tags (idTags) that may start charging." />
      <EmptyState
        title="No drivers or tags yet"
        description="Drivers and their RFID tags will be listed here, with whether each tag is accepted, blocked or expired. Managing them from this page is not available yet."
      />
    </>
  );
}
