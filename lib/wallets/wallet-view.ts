import type { Db } from '../db/client';
import { getWalletSummary, listWalletEntries, listWalletSummaries, type WalletSummary } from '../db/queries/wallets';
import type { WalletEntry } from '../db/schema';
import { notFound } from '../errors';

const walletView = (w: WalletSummary) => ({ id: w.id, driverId: w.driverId, driverName: w.driverName, currency: w.currency, balance: w.balance, minBalance: w.minBalance, allowNegative: w.allowNegative });
export const entryView = ({ walletId: _walletId, ...entry }: WalletEntry) => ({ ...entry, createdAt: entry.createdAt.toISOString() });

export async function listWalletViews(db: Db) {
  return (await listWalletSummaries(db)).map(walletView);
}

export async function getWalletDetail(db: Db, id: string) {
  const wallet = await getWalletSummary(db, id);
  if (!wallet) throw notFound('Wallet not found');
  return { ...walletView(wallet), entries: (await listWalletEntries(db, id)).map(entryView) };
}
