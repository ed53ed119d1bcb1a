import Link from 'next/link';
import { Alert, type AlertVariant } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { DriverPaymentView } from '@/lib/driver-portal/driver-card-payments';
import { formatMinorUnits } from '@/lib/pricing/currency';

const OUTCOME: Record<DriverPaymentView['status'], { variant: AlertVariant; text: string }> = {
  pending: { variant: 'info', text: 'Pending: waiting for the card provider to confirm the payment. This page updates by itself.' },
  succeeded: { variant: 'success', text: 'Payment succeeded. Thank you!' },
  failed: { variant: 'error', text: 'The payment did not go through (declined, or the card page expired). Nothing was charged.' },
  refunded: { variant: 'info', text: 'This payment was refunded.' },
};

/** One card payment as the driver sees it: what it was for, its status from the database, and the wallet after a top-up. */
export function CardPaymentStatus({ payment, cancelled }: { payment: DriverPaymentView; cancelled: boolean }) {
  const money = (amount: number) => formatMinorUnits(amount, payment.currency);
  const outcome = payment.status === 'pending' && cancelled ? { variant: 'info' as const, text: 'You left the card page: nothing has been charged.' } : OUTCOME[payment.status];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Card payment</CardTitle>
        <CardDescription>
          {payment.purpose === 'wallet_top_up' ? 'Wallet top-up' : `Invoice ${payment.invoiceNumber ?? ''}`} · {money(payment.amount)}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        <div data-payment-status={payment.status}>
          <Alert variant={outcome.variant}>{outcome.text}</Alert>
        </div>
        {payment.balance !== null ? (
          <p>
            Wallet balance:{' '}
            <span className="font-semibold" aria-label="Wallet balance">
              {money(payment.balance)}
            </span>
          </p>
        ) : null}
        <Link className="inline-block py-2 underline underline-offset-4" href="/driver/account">
          Back to your account
        </Link>
      </CardContent>
    </Card>
  );
}
