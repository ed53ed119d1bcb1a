import Link from 'next/link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import type { getTransactionWithBilling } from '@/lib/billing/transaction-billing';
import { formatMinorUnits } from '@/lib/pricing/currency';

type Billing = NonNullable<Awaited<ReturnType<typeof getTransactionWithBilling>>>;

const BASIS = {
  invoice: 'Invoiced',
  monthly_invoice: 'Invoiced monthly, on',
  monthly_pending: 'Invoiced monthly: price as settled at the stop (included energy and discount taken off), on the monthly invoice once issued',
  tariff: 'Tariff price, not invoiced yet (before any subscription benefit)',
  estimate: 'Estimate so far: the session is running (before any subscription benefit)',
} as const;

/**
 * The session's cost as billed: the invoice's lines and totals when issued; for a monthly-invoiced
 * session its stored lines (with the included energy) and its monthly invoice; else the tariff
 * price or the live estimate.
 */
export function SessionCostCard({ billing }: { billing: Billing }) {
  const { total, invoice, monthly, cost, costUnavailable } = billing;
  const money = (amount: number) => formatMinorUnits(amount, total?.currency ?? 'EUR');
  const billed = invoice ?? monthly;
  const linked = invoice ?? monthly?.invoice;
  const lines = billed
    ? billed.lines.map((line, index) => ({ key: `${line.component}-${index}`, label: line.description, net: line.net, vat: line.vat, gross: line.gross }))
    : (cost?.lines ?? []).map((line, index) => ({ key: `${line.component}-${index}`, label: line.component, net: line.net, vat: line.vat, gross: line.gross }));
  return (
    <Card aria-label="Cost">
      <CardHeader>
        <CardTitle>Cost</CardTitle>
        <CardDescription data-testid="cost-basis">
          {total ? BASIS[total.basis] : `No price: ${costUnavailable?.message ?? 'no tariff applies'}`}
          {linked ? (
            <>
              {invoice ? ' · ' : ' '}
              <Link className="underline" href={`/billing/invoices/${linked.id}`}>
                {linked.number}
              </Link>
            </>
          ) : null}
          {monthly ? ` (${monthly.accountName}, ${monthly.month})` : null}
        </CardDescription>
      </CardHeader>
      {total ? (
        <CardContent>
          <Table aria-label="Cost lines">
            <THead>
              <Tr>
                <Th>Line</Th>
                <Th className="text-right">Net</Th>
                <Th className="text-right">VAT</Th>
                <Th className="text-right">Gross</Th>
              </Tr>
            </THead>
            <TBody>
              {lines.map((line) => (
                <Tr key={line.key}>
                  <Td className="text-sm">{line.label}</Td>
                  <Td className="text-right tabular-nums text-sm">{money(line.net)}</Td>
                  <Td className="text-right tabular-nums text-sm">{money(line.vat)}</Td>
                  <Td className="text-right tabular-nums text-sm">{money(line.gross)}</Td>
                </Tr>
              ))}
              <Tr>
                <Td className="font-medium">{total.basis === 'estimate' ? 'Estimated total' : 'Total'}</Td>
                <Td className="text-right tabular-nums font-medium">{money(total.net)}</Td>
                <Td className="text-right tabular-nums font-medium">{money(total.vat)}</Td>
                <Td className="text-right tabular-nums font-medium" data-testid="cost-total">
                  {money(total.gross)}
                </Td>
              </Tr>
            </TBody>
          </Table>
        </CardContent>
      ) : null}
    </Card>
  );
}
