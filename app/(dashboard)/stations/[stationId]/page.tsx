import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { StationDetailView } from '@/components/stations/station-detail-view';
import { SecurityPanel } from '@/components/stations/security-panel';
import { StationAccess } from '@/components/access/station-access';
import { ConfigurationPanel } from '@/components/maintenance/configuration-panel';
import { MaintenanceActions } from '@/components/maintenance/maintenance-actions';
import { MessageInspector } from '@/components/maintenance/message-inspector';
import { parseStationTab, StationTabs } from '@/components/maintenance/station-tabs';
import { requireUser } from '@/lib/auth/session';
import { roleAllows } from '@/lib/auth/roles';
import { commandActions } from '@/lib/commands/command-catalog';
import { payloadTemplates } from '@/lib/commands/payload-template';

const descriptions = {
  overview: 'Boot data, connectors and history, updated live.',
  maintenance: 'Remote operations (OCPP 1.6 §5): each is confirmed, sent through the OCPP server holding the station, and answered here.',
  configuration: 'Configuration keys read with GetConfiguration and changed with ChangeConfiguration.',
  messages: 'Every OCPP-J frame to and from the station, newest first.',
  security: 'Security events, certificate signing requests and log uploads (OCPP 1.6 Security Whitepaper).',
  access: 'Local authorization list (offline authorization) and reservations.',
};

export const dynamic = 'force-dynamic';

export default async function StationPage({ params, searchParams }: { params: Promise<{ stationId: string }>; searchParams: Promise<{ tab?: string }> }) {
  const user = await requireUser();
  const { stationId } = await params;
  const id = decodeURIComponent(stationId);
  const tab = parseStationTab((await searchParams).tab);
  const canSend = roleAllows(user.role, 'operator');
  return (
    <>
      <PageHeader
        title={id}
        description={descriptions[tab]}
        actions={
          <Button asChild variant="outline">
            <Link href={`/drivers/stickers?station=${encodeURIComponent(id)}`}>QR stickers</Link>
          </Button>
        }
      />
      <StationTabs stationId={id} active={tab} />
      {tab === 'overview' ? <StationDetailView stationId={id} canAdminister={user.role === 'admin'} /> : null}
      {tab === 'maintenance' ? <MaintenanceActions stationId={id} canSend={canSend} /> : null}
      {tab === 'configuration' ? <ConfigurationPanel stationId={id} canSend={canSend} /> : null}
      {tab === 'access' ? <StationAccess stationId={id} canSend={canSend} /> : null}
      {tab === 'messages' ? <MessageInspector stationId={id} canSend={canSend} actions={[...commandActions]} templates={payloadTemplates()} /> : null}
      {tab === 'security' ? <SecurityPanel stationId={id} showCertificateRequests={canSend} /> : null}
    </>
  );
}
