import { notFound } from 'next/navigation';
import { CardPaymentStatus } from '@/components/driver-portal/card-payment-status';
import { LiveRefresh } from '@/components/driver-portal/live-refresh';
import { getDb } from '@/lib/db/client';
import { getDriverPaymentView } from '@/lib/driver-portal/driver-card-payments';
import { requireDriver } from '@/lib/driver-portal/driver-session';
import { AppError } from '@/lib/errors';

export const metadata = { title: 'Card payment · Charge' };

/**
 * Where the card page sends the driver back. The status is what the database says (moved only by
 * the provider's verified webhook); while it is pending the page follows the driver's event stream
 * and re-renders when this payment moves (payment.updated).
 */
export default async function DriverPaymentPage({ params, searchParams }: { params: Promise<{ paymentId: string }>; searchParams: Promise<{ cancelled?: string }> }) {
  const { paymentId } = await params;
  const driver = await requireDriver(`/driver/payments/${encodeURIComponent(paymentId)}`);
  const payment = await getDriverPaymentView(getDb(), driver.id, paymentId).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const cancelled = (await searchParams).cancelled === '1';
  return (
    <>
      {payment.status === 'pending' ? <LiveRefresh kinds={['payment.updated']} only={{ paymentId: payment.id }} testId="payment-live" /> : null}
      <CardPaymentStatus payment={payment} cancelled={cancelled} />
    </>
  );
}
