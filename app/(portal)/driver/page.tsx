import { SessionList } from '@/components/driver-portal/session-list';
import { getDb } from '@/lib/db/client';
import { listDriverSessions } from '@/lib/driver-portal/driver-history';
import { requireDriver } from '@/lib/driver-portal/driver-session';

export const metadata = { title: 'My sessions · Charge' };

export default async function DriverHomePage() {
  const driver = await requireDriver('/driver');
  const sessions = await listDriverSessions(getDb(), driver.id);
  return (
    <>
      <h1 className="text-2xl font-semibold">{`Hello, ${driver.name}`}</h1>
      <p className="text-sm text-muted-foreground">To charge, scan the QR code on the connector. Your sessions and receipts:</p>
      <SessionList sessions={sessions} />
    </>
  );
}
