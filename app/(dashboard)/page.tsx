import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';

export default async function OverviewPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Overview" description="Your network at a glance." />
      <EmptyState
        title="Nothing to summarise yet"
        description="Once stations connect, this page shows how many are available, charging or faulted, the sessions in progress and today's energy delivered. Start by connecting a station."
        action={
          <Button asChild>
            <Link href="/stations">Go to stations</Link>
          </Button>
        }
      />
    </>
  );
}
