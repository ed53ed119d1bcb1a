import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CampaignProgress } from '@/components/firmware/campaign-progress';
import { PageHeader } from '@/components/ui/page-header';
import { roleAllows } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { readCampaign } from '@/lib/firmware/read-campaigns';

export const dynamic = 'force-dynamic';

/** One rollout: progress counts and each station's state, live. */
export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id < 1) notFound();
  const campaign = await readCampaign(getDb(), id).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const { firmware } = campaign;
  return (
    <>
      <PageHeader
        title={campaign.name}
        description={`${firmware.vendor} ${firmware.model} ${firmware.version} · batch ${campaign.batchSize}, concurrency ${campaign.concurrency}, stop after ${campaign.failureThreshold ?? 'no'} failures · by ${campaign.createdBy}`}
        actions={<Link className="text-sm underline underline-offset-2" href="/maintenance/firmware">All campaigns</Link>}
      />
      <CampaignProgress initial={campaign} canControl={roleAllows(user.role, 'operator')} />
    </>
  );
}
