import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { LiveRefresh } from '@/components/driver-portal/live-refresh';
import { ReceiptView } from '@/components/driver-portal/receipt-view';
import { getDb } from '@/lib/db/client';
import { getDriverReceipt } from '@/lib/driver-portal/driver-history';
import { requireDriver } from '@/lib/driver-portal/driver-session';

export const metadata = { title: 'Session · Charge' };

/** One of the driver's sessions: the receipt, or (still open) a pointer to the live view, kept current over SSE. */
export default async function DriverSessionPage({ params }: { params: Promise<{ transactionId: string }> }) {
  const { transactionId } = await params;
  const driver = await requireDriver(`/driver/sessions/${transactionId}`);
  const id = /^\d{1,10}$/.test(transactionId) ? Number(transactionId) : NaN;
  const receipt = Number.isSafeInteger(id) ? await getDriverReceipt(getDb(), driver.id, id) : undefined;
  if (!receipt) notFound();
  return (
    <>
      {receipt.stoppedAt ? null : (
        <>
          <LiveRefresh />
          <Alert variant="success">
            {'This session is still open: the receipt is final once the station reports the stop. '}
            <Link className="underline" href={`/c/${encodeURIComponent(receipt.stationId)}/${receipt.connectorId}`}>
              Live view
            </Link>
          </Alert>
        </>
      )}
      <ReceiptView receipt={receipt} />
    </>
  );
}
