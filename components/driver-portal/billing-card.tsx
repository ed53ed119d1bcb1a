import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { CardPaymentOptions } from '@/components/driver-portal/card-payment-options';
import type { getDriverBilling } from '@/lib/driver-portal/driver-billing';
import { formatMinorUnits } from '@/lib/pricing/currency';
import { getPaymentProvider } from '@/lib/payments/payment-provider';
import { StatementLinks } from '@/components/statements/statement-links';
import { recentMonths } from '@/lib/statements/monthly-invoice-lines';

type DriverBilling = Awaited<ReturnType<typeof getDriverBilling>>;

const entryLabels: Record<string, string> = { top_up: 'Top-up', session_debit: 'Charging session', refund: 'Refund', adjustment: 'Adjustment' };
const invoiceLabels: Record<string, string> = { session: 'Session', subscription_fee: 'Subscription', credit_note: 'Credit note', monthly: 'Monthly' };
const day = (at: Date) => at.toISOString().slice(0, 10);

/** The driver's wallet balance with its latest movements, and their invoices as PDF downloads. */
export function BillingCard({ billing }: { billing: DriverBilling }) {
  const { wallet, invoices } = billing;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Wallet and invoices</CardTitle>
        <CardDescription>
          {wallet
            ? wallet.balance < wallet.minBalance
              ? `Your balance is below the ${formatMinorUnits(wallet.minBalance, wallet.currency)} needed to start charging: ${getPaymentProvider() ? 'top up by card below, or ask your operator.' : 'ask your operator for a top-up.'}`
              : 'Prepaid: sessions are paid from this balance when they end.'
            : 'You pay per session; your invoices are listed here.'}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        {wallet ? (
          <div>
            <p className="text-2xl font-semibold" aria-label="Wallet balance">
              {formatMinorUnits(wallet.balance, wallet.currency)}
            </p>
            <ul className="mt-2 space-y-1" aria-label="Wallet movements">
              {wallet.entries.map((entry) => (
                <li key={entry.id} className="flex justify-between gap-2">
                  <span>
                    {day(entry.createdAt)} · {entryLabels[entry.kind] ?? entry.kind}
                  </span>
                  <span className="font-mono">{formatMinorUnits(entry.amount, wallet.currency)}</span>
                </li>
              ))}
            </ul>
            <p className="mt-3 font-medium">Monthly statements</p>
            <StatementLinks months={recentMonths(new Date(), 3)} href={(month, format) => `/api/driver/wallet/statement?month=${month}&format=${format}`} />
          </div>
        ) : null}
        {invoices.length === 0 ? (
          <p className="text-muted-foreground">No invoices yet.</p>
        ) : (
          <ul className="space-y-1" aria-label="Invoices">
            {invoices.map((invoice) => (
              <li key={invoice.id} className="flex min-h-11 items-center justify-between gap-2">
                <a className="underline underline-offset-4" href={`/api/driver/invoices/${invoice.id}`} download>
                  {invoice.number}
                </a>
                <span className="text-muted-foreground">
                  {day(invoice.issuedAt)} · {invoiceLabels[invoice.kind] ?? invoice.kind}
                </span>
                <span className="font-mono">{formatMinorUnits(invoice.gross, invoice.currency)}</span>
              </li>
            ))}
          </ul>
        )}
        <CardPaymentOptions billing={billing} />
      </CardContent>
    </Card>
  );
}
