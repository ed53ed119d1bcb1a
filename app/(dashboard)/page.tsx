import { PageHeader } from '@/components/ui/page-header';
import { OverviewView } from '@/components/dashboard/overview-view';
import { requireUser } from '@/lib/auth/session';

export default async function OverviewPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Overview" description="Your network at a glance, updated live." />
      <OverviewView />
    </>
  );
}
