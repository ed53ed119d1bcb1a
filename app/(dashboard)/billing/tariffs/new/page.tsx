import { PageHeader } from '@/components/ui/page-header';
import { TariffEditor } from '@/components/billing/tariff-editor';
import { requireRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { listSitesWithSummary } from '@/lib/db/queries/sites';
import { listTimeZones } from '@/lib/sites/time-zone';
import { saveTariffAction } from '../../actions';

export default async function NewTariffPage() {
  await requireRole('admin');
  const sites = await listSitesWithSummary(getDb());
  return (
    <>
      <PageHeader title="New tariff" description="Elements with price components and restrictions, as in OCPI 2.2.1; the preview prices a sample session as you type." />
      <TariffEditor action={saveTariffAction} readOnly={false} previewZones={listTimeZones()} previewZone={sites[0]?.timeZone ?? 'UTC'} today={new Date().toISOString().slice(0, 10)} />
    </>
  );
}
