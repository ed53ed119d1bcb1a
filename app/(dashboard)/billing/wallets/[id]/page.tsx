import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { BillingTabs } from '@/components/billing/billing-tabs';
import { CardPaymentLinkCard } from '@/components/billing/card-payment-link-card';
import { TopUpForm } from '@/components/billing/wallet-forms';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { roleAllows } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { getWalletSummary, listWalletEntries } from '@/lib/db/queries/wallets';
import { formatMinorUnits } from '@/lib/pricing/currency';
import { topUpWalletAction } from '../actions';

const KIND_LABELS = { top_up: 'Top-up', session_debit: 'Session', refund: 'Refund', adjustment: 'Adjustment' } as const;

export default async function WalletPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const wallet = await getWalletSummary(db, id);
  if (!wallet) notFound();
  const entries = await listWalletEntries(db, id);
  const money = (amount: number) => formatMinorUnits(amount, wallet.currency);
  return (
    <>
      <PageHeader
        title={`Wallet of ${wallet.driverName}`}
        description={<span data-wallet-balance={money(wallet.balance)}>Balance {money(wallet.balance)} · charging needs at least {money(wallet.minBalance)}</span>}
      />
      <BillingTabs current="/billing/wallets" />
      <div className="grid gap-6">
        {roleAllows(user.role, 'admin') ? (
          <Card>
            <CardHeader>
              <CardTitle>Top up</CardTitle>
              <CardDescription>Adds an entry to the ledger; entries are never changed or deleted.</CardDescription>
            </CardHeader>
            <CardContent>
              <TopUpForm walletId={wallet.id} currency={wallet.currency} action={topUpWalletAction} />
            </CardContent>
          </Card>
        ) : null}
        {roleAllows(user.role, 'admin') ? <CardPaymentLinkCard target={{ walletId: wallet.id, currency: wallet.currency }} /> : null}
        <Table aria-label="Ledger">
          <THead>
            <Tr>
              <Th>When</Th>
              <Th>Movement</Th>
              <Th>Details</Th>
              <Th className="text-right">Amount</Th>
            </Tr>
          </THead>
          <TBody>
            {entries.map((entry) => (
              <Tr key={entry.id} data-entry={entry.kind}>
                <Td className="tabular-nums">{entry.createdAt.toISOString().replace('T', ' ').slice(0, 16)}</Td>
                <Td>{KIND_LABELS[entry.kind]}</Td>
                <Td className="text-sm">
                  {entry.transactionId ? `Session ${entry.transactionId} ` : ''}
                  {entry.invoiceId ? <Link href={`/billing/invoices/${entry.invoiceId}`}>invoice</Link> : null} {entry.reference ?? ''} {entry.note ?? ''} · {entry.createdBy}
                </Td>
                <Td className="text-right tabular-nums">{money(entry.amount)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </div>
    </>
  );
}
