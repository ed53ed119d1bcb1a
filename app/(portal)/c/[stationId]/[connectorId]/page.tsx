import { notFound } from 'next/navigation';
import { ConnectorPanel } from '@/components/driver-portal/connector-panel';
import { getDb } from '@/lib/db/client';
import { getDriverConnectorView } from '@/lib/driver-portal/connector-view';
import { getSessionDriver } from '@/lib/driver-portal/driver-session';
import { isSelfSignUpOpen } from '@/lib/driver-portal/self-sign-up-setting';
import { resendVerificationAction, startChargingAction, stopChargingAction } from '../../../driver/actions';

export const metadata = { title: 'Charge here' };

/** What the QR sticker on a connector opens: status, price, Start; then the live session. */
export default async function ConnectorLandingPage({ params }: { params: Promise<{ stationId: string; connectorId: string }> }) {
  const { stationId, connectorId } = await params;
  if (!/^\d{1,4}$/.test(connectorId)) notFound();
  const driver = await getSessionDriver();
  const view = await getDriverConnectorView(getDb(), { stationId: decodeURIComponent(stationId), connectorId: Number(connectorId), driverId: driver?.id ?? null, now: new Date() });
  if (!view) notFound();
  return <ConnectorPanel initial={view} signedIn={Boolean(driver)} driverEmail={driver?.email ?? null} signUpOpen={!driver && (await isSelfSignUpOpen(getDb()))} start={startChargingAction} stop={stopChargingAction} resend={resendVerificationAction} />;
}
