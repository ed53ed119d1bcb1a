import { CardPaymentLinkForm } from '@/components/billing/card-payment-link-form';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getPaymentProvider } from '@/lib/payments/payment-provider';
import { createInvoicePaymentLinkAction, createTopUpLinkAction } from '@/app/(dashboard)/billing/payment-links/actions';

type Target = { walletId: string; currency: string } | { invoiceId: string };

/** Admin: a card payment link for a driver (a wallet top-up, or an invoice); without a Stripe key, a line saying so. */
export function CardPaymentLinkCard({ target }: { target: Target }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Card payment link</CardTitle>
        <CardDescription>
          {'walletId' in target ? 'A card top-up the driver pays on Stripe’s page; the wallet is credited when Stripe confirms it.' : 'What is owed on this invoice, paid by the driver on Stripe’s page.'}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {!getPaymentProvider() ? (
          <p className="text-sm text-muted-foreground">Card payment is not configured (no STRIPE_SECRET_KEY).</p>
        ) : 'walletId' in target ? (
          <CardPaymentLinkForm action={createTopUpLinkAction} hidden={{ walletId: target.walletId }} currency={target.currency} />
        ) : (
          <CardPaymentLinkForm action={createInvoicePaymentLinkAction} hidden={{ invoiceId: target.invoiceId }} />
        )}
      </CardContent>
    </Card>
  );
}
