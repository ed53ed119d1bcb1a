import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';

export default async function StationsPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Stations" description="Charging stations, their connectors and live status." />
      <EmptyState
        title="No stations yet"
        description={
          <>
            Point a charging station (OCPP 1.6-J) at <code className="break-all">ws://&lt;host&gt;:9000/ocpp/&lt;stationId&gt;</code>,
            or run <code>npm run simulate</code> to connect a simulated one. It appears here as soon as it sends its
            BootNotification.
          </>
        }
      />
    </>
  );
}
