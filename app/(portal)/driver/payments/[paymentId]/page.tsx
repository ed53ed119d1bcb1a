import { notFound } from 'next/navigation';
import { AutoRefresh } from '@/components/driver-portal/auto-refresh';
import { CardPaymentStatus } from '@/components/driver-portal/card-payment-status';
import { getDb } from '@/lib/db/client';
import { getDriverPaymentView } from '@/lib/driver-portal/driver-card-payments';
import { requireDriver } from '@/lib/driver-portal/driver-session';
import { AppError } from '@/lib/errors';

export const metadata = { title: 'Card payment · Charge' };

/**
 * Where the card page sends the driver back. The status is what the database says (moved only by
 * the provider's verified webhook), re-read every 2 s while it is pending.
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
      {payment.status === 'pending' && !cancelled ? <AutoRefresh everyMs={2000} /> : null}
      <CardPaymentStatus payment={payment} cancelled={cancelled} />
    </>
  );
}
