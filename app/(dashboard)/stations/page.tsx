import { PageHeader } from '@/components/ui/page-header';
import { StationListView } from '@/components/stations/station-list-view';
import { requireUser } from '@/lib/auth/session';

export default async function StationsPage() {
  await requireUser();
  return (
    <>
      <PageHeader
        title="Stations"
        description="Every station that has connected, with its live status. Stations connect to ws://<host>:9000/ocpp/<stationId>; `npm run simulate` connects simulated ones."
      />
      <StationListView />
    </>
  );
}
