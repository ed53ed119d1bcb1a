import { notFound } from 'next/navigation';
import { z } from 'zod';
import { BillingTabs } from '@/components/billing/billing-tabs';
import { CardPaymentLinkCard } from '@/components/billing/card-payment-link-card';
import { CreditNoteForm } from '@/components/billing/credit-note-form';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { roleAllows } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { getInvoiceDetail } from '@/lib/invoices/invoice-view';
import { formatMinorUnits } from '@/lib/pricing/currency';
import { getPaymentProvider } from '@/lib/payments/payment-provider';
import type { PaymentState } from '@/lib/invoices/invoice-view';
import { creditInvoiceAction } from '../../actions';

const PAYMENT_LABELS: Record<PaymentState, string> = { paid: 'paid', unpaid: 'unpaid', partly_paid: 'partly paid', credited: 'settled by a credit note', credit_note: 'credit note' };

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const invoice = await getInvoiceDetail(getDb(), id).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const money = (amount: number) => formatMinorUnits(amount, invoice.currency);
  const canCredit = roleAllows(user.role, 'admin') && invoice.kind !== 'credit_note' && !invoice.creditedBy;
  return (
    <>
      <PageHeader
        title={`${invoice.kind === 'credit_note' ? 'Credit note' : 'Invoice'} ${invoice.number}`}
        description={`Issued ${invoice.issuedAt.slice(0, 10)} by ${invoice.issuedBy} to ${invoice.customerName ?? 'a walk-in customer'}${invoice.creditedBy ? ` · credited by ${invoice.creditedBy}` : ''}`}
        actions={
          <a className={buttonVariants()} href={`/api/v1/invoices/${invoice.id}.pdf`} download>
            Download PDF
          </a>
        }
      />
      <BillingTabs current="/billing/invoices" />
      <div className="grid gap-6">
        {invoice.note ? <p className="text-sm text-muted-foreground">{invoice.note}</p> : null}
        <p className="text-sm" data-payment-state={invoice.paymentState}>
          Payment: {PAYMENT_LABELS[invoice.paymentState]} · paid {money(invoice.paid)}
          {invoice.paymentState === 'unpaid' || invoice.paymentState === 'partly_paid'
            ? getPaymentProvider()
              ? ` · card payments by ${getPaymentProvider()!.name} (POST /api/v1/invoices/${invoice.id}/payments)`
              : ' · card payments are off: no STRIPE_SECRET_KEY is configured'
            : ''}
        </p>
        <Table aria-label="Invoice lines">
          <THead>
            <Tr>
              <Th>Description</Th>
              <Th className="text-right">Quantity</Th>
              <Th className="text-right">Unit price</Th>
              <Th className="text-right">Net</Th>
              <Th className="text-right">VAT</Th>
              <Th className="text-right">Gross</Th>
            </Tr>
          </THead>
          <TBody>
            {invoice.lines.map((line) => (
              <Tr key={line.position}>
                <Td>{line.description}</Td>
                <Td className="text-right tabular-nums">
                  {line.quantity} {line.unit}
                </Td>
                <Td className="text-right tabular-nums">{line.unitPrice}</Td>
                <Td className="text-right tabular-nums">{money(line.net)}</Td>
                <Td className="text-right tabular-nums">
                  {money(line.vat)} {line.vatRate === null ? '' : `(${line.vatRate}%)`}
                </Td>
                <Td className="text-right tabular-nums">{money(line.gross)}</Td>
              </Tr>
            ))}
            <Tr>
              <Td className="font-medium">Total</Td>
              <Td />
              <Td />
              <Td className="text-right tabular-nums">{money(invoice.net)}</Td>
              <Td className="text-right tabular-nums">{money(invoice.vat)}</Td>
              <Td className="text-right font-medium tabular-nums" data-invoice-total={money(invoice.gross)}>
                {money(invoice.gross)}
              </Td>
            </Tr>
          </TBody>
        </Table>
        {canCredit ? (
          <Card>
            <CardHeader>
              <CardTitle>Credit note</CardTitle>
              <CardDescription>Reverses this invoice in full with a credit note of its own number. The invoice itself stays as issued.</CardDescription>
            </CardHeader>
            <CardContent>
              <CreditNoteForm invoiceId={invoice.id} action={creditInvoiceAction} />
            </CardContent>
          </Card>
        ) : null}
        {roleAllows(user.role, 'admin') && invoice.driverId && (invoice.paymentState === 'unpaid' || invoice.paymentState === 'partly_paid') ? <CardPaymentLinkCard target={{ invoiceId: invoice.id }} /> : null}
      </div>
    </>
  );
}
