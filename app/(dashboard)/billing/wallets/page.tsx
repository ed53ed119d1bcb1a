import Link from 'next/link';
import { BillingTabs } from '@/components/billing/billing-tabs';
import { CreateWalletForm } from '@/components/billing/wallet-forms';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { roleAllows } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { listDriverChoices } from '@/lib/db/queries/drivers';
import { listWalletSummaries } from '@/lib/db/queries/wallets';
import { formatMinorUnits } from '@/lib/pricing/currency';
import { createWalletAction } from './actions';

export default async function WalletsPage() {
  const user = await requireUser();
  const db = getDb();
  const [wallets, drivers] = await Promise.all([listWalletSummaries(db), listDriverChoices(db)]);
  const isAdmin = roleAllows(user.role, 'admin');
  const withWallet = new Set(wallets.map((wallet) => wallet.driverId));
  return (
    <>
      <PageHeader title="Prepaid wallets" description="Drivers pay sessions from their balance; their tags are refused (Blocked) below the wallet's minimum." />
      <BillingTabs current="/billing/wallets" />
      <div className="grid gap-6">
        {wallets.length === 0 ? (
          <EmptyState title="No wallets yet" description={isAdmin ? 'Open a wallet for a driver below.' : 'An admin opens wallets for drivers.'} />
        ) : (
          <Table aria-label="Wallets">
            <THead>
              <Tr>
                <Th>Driver</Th>
                <Th className="text-right">Balance</Th>
                <Th className="text-right">Minimum to charge</Th>
              </Tr>
            </THead>
            <TBody>
              {wallets.map((wallet) => (
                <Tr key={wallet.id} data-wallet={wallet.driverName}>
                  <Td>
                    <Link className="font-medium underline-offset-2 hover:underline" href={`/billing/wallets/${wallet.id}`}>
                      {wallet.driverName}
                    </Link>
                  </Td>
                  <Td className="text-right tabular-nums">{formatMinorUnits(wallet.balance, wallet.currency)}</Td>
                  <Td className="text-right tabular-nums">{formatMinorUnits(wallet.minBalance, wallet.currency)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        {isAdmin ? (
          <Card>
            <CardHeader>
              <CardTitle>Open a wallet</CardTitle>
              <CardDescription>One per driver. The driver&apos;s sessions are paid from it when they stop.</CardDescription>
            </CardHeader>
            <CardContent>
              <CreateWalletForm drivers={drivers.filter((driver) => !withWallet.has(driver.id))} action={createWalletAction} />
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
