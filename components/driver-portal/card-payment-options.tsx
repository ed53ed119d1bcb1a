import { CardPaymentInvoiceForm } from '@/components/driver-portal/card-payment-invoice-form';
import { CardPaymentTopUpForm } from '@/components/driver-portal/card-payment-top-up-form';
import type { getDriverBilling } from '@/lib/driver-portal/driver-billing';
import { cardTopUpLimits } from '@/lib/payments/card-top-up-amount';
import { getPaymentProvider } from '@/lib/payments/payment-provider';
import { formatMinorUnits } from '@/lib/pricing/currency';
import { payInvoiceByCardAction, startCardTopUpAction } from '@/app/(portal)/driver/payments/actions';

type DriverBilling = Awaited<ReturnType<typeof getDriverBilling>>;

function topUpHint(currency: string, minimumCharge: number | undefined): string {
  const { min, max } = cardTopUpLimits(currency, minimumCharge);
  return `From ${formatMinorUnits(min, currency)} to ${formatMinorUnits(max, currency)}, e.g. 20.00. You pay on a secure card page.`;
}

/**
 * The driver's card payments: a top-up of their wallet, and "Pay by card" on each invoice with
 * something owed. Without a configured provider (STRIPE_SECRET_KEY) none of it is shown, only a line saying so.
 */
export function CardPaymentOptions({ billing }: { billing: DriverBilling }) {
  const unpaid = billing.invoices.filter((invoice) => invoice.owed > 0);
  if (!billing.wallet && unpaid.length === 0) return null;
  const provider = getPaymentProvider();
  if (!provider) {
    return (
      <p className="text-muted-foreground" data-card-payments="off">
        Card payment is not configured.
      </p>
    );
  }
  const wallet = billing.wallet;
  return (
    <div className="space-y-4" data-card-payments="on">
      {wallet ? (
        <section aria-label="Card top-up" className="space-y-2">
          <h3 className="text-sm font-medium">Top up by card</h3>
          <CardPaymentTopUpForm action={startCardTopUpAction} hint={topUpHint(wallet.currency, provider.minimumCharge?.(wallet.currency))} />
        </section>
      ) : null}
      {unpaid.length > 0 ? (
        <section aria-label="Invoices to pay" className="space-y-2">
          <h3 className="text-sm font-medium">To pay</h3>
          <ul className="space-y-3">
            {unpaid.map((invoice) => (
              <li key={invoice.id} className="space-y-1">
                <p className="flex justify-between gap-2">
                  <span>{invoice.number}</span>
                  <span className="font-mono">{formatMinorUnits(invoice.owed, invoice.currency)}</span>
                </p>
                <CardPaymentInvoiceForm action={payInvoiceByCardAction} invoiceId={invoice.id} label={`Pay ${invoice.number} by card`} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
