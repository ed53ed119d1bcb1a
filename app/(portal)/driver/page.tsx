import { EmailNotVerified } from '@/components/driver-portal/email-not-verified';
import { SessionList } from '@/components/driver-portal/session-list';
import { getDb } from '@/lib/db/client';
import { listDriverSessions } from '@/lib/driver-portal/driver-history';
import { requireDriver } from '@/lib/driver-portal/driver-session';
import { isDriverEmailVerified } from '@/lib/driver-portal/link-tokens';
import { resendVerificationAction } from './actions';

export const metadata = { title: 'My sessions · Charge' };

export default async function DriverHomePage() {
  const driver = await requireDriver('/driver');
  const [sessions, verified] = await Promise.all([listDriverSessions(getDb(), driver.id), isDriverEmailVerified(getDb(), driver.id)]);
  return (
    <>
      <h1 className="text-2xl font-semibold">{`Hello, ${driver.name}`}</h1>
      {/* Where sign-up lands: say at once what charging waits for. */}
      {verified ? null : <EmailNotVerified email={driver.email} resend={resendVerificationAction} />}
      <p className="text-sm text-muted-foreground">To charge, scan the QR code on the connector. Your sessions and receipts:</p>
      <SessionList sessions={sessions} />
    </>
  );
}
