import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import type { InvoiceListView, PaymentState } from '@/lib/invoices/invoice-view';
import { formatMinorUnits } from '@/lib/pricing/currency';

const PAYMENT: Record<PaymentState, { label: string; variant: 'success' | 'warning' | 'danger' | 'muted' }> = {
  paid: { label: 'Paid', variant: 'success' },
  partly_paid: { label: 'Partly paid', variant: 'warning' },
  unpaid: { label: 'Unpaid', variant: 'danger' },
  credited: { label: 'Credited', variant: 'muted' },
  credit_note: { label: 'Credit note', variant: 'muted' },
};

export function InvoiceTable({ invoices }: { invoices: InvoiceListView[] }) {
  return (
    <Table aria-label="Invoices">
      <THead>
        <Tr>
          <Th>Number</Th>
          <Th>Issued</Th>
          <Th>Customer</Th>
          <Th>Session</Th>
          <Th className="text-right">Net</Th>
          <Th className="text-right">VAT</Th>
          <Th className="text-right">Total</Th>
          <Th>Payment</Th>
          <Th>PDF</Th>
        </Tr>
      </THead>
      <TBody>
        {invoices.map((invoice) => (
          <Tr key={invoice.id} data-invoice={invoice.number}>
            <Td>
              <Link className="font-medium underline-offset-2 hover:underline" href={`/billing/invoices/${invoice.id}`}>
                {invoice.number}
              </Link>{' '}
              {invoice.creditedBy ? <Badge variant="warning">Credited by {invoice.creditedBy}</Badge> : null}
              {invoice.creditsNumber ? <Badge>Reverses {invoice.creditsNumber}</Badge> : null}
            </Td>
            <Td className="tabular-nums">{invoice.issuedAt.slice(0, 10)}</Td>
            <Td>{invoice.customerName ?? '—'}</Td>
            <Td className="tabular-nums">{invoice.transactionId ?? '—'}</Td>
            <Td className="text-right tabular-nums">{formatMinorUnits(invoice.net, invoice.currency)}</Td>
            <Td className="text-right tabular-nums">{formatMinorUnits(invoice.vat, invoice.currency)}</Td>
            <Td className="text-right font-medium tabular-nums">{formatMinorUnits(invoice.gross, invoice.currency)}</Td>
            <Td>
              <Badge variant={PAYMENT[invoice.paymentState].variant}>{PAYMENT[invoice.paymentState].label}</Badge>
            </Td>
            <Td>
              <a className="underline-offset-2 hover:underline" href={`/api/v1/invoices/${invoice.id}.pdf`} download>
                Download
              </a>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
