import { PageHeader } from '@/components/ui/page-header';
import { StationDetailView } from '@/components/stations/station-detail-view';
import { requireUser } from '@/lib/auth/session';

export default async function StationPage({ params }: { params: Promise<{ stationId: string }> }) {
  const user = await requireUser();
  const { stationId } = await params;
  const id = decodeURIComponent(stationId);
  return (
    <>
      <PageHeader title={id} description="Boot data, connectors and history, updated live." />
      <StationDetailView stationId={id} canAdminister={user.role === 'admin'} />
    </>
  );
}
