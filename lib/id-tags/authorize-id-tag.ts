import type { Db } from '../db/client';
import { countOpenTransactionsForTag, getIdTagForAuthorization } from '../db/queries/id-tags';
import type { IdTagInfo } from '../ocpp/v16/types';
import { getWalletStandingForTag } from '../db/queries/wallets';
import { evaluateIdTag } from './evaluate-id-tag';

/**
 * The idTagInfo for a tag presented at a station now (the station decides the site restriction).
 * `exceptTransactionId` leaves one transaction out of the concurrency count (the one being stopped,
 * or the one a new StartTransaction on its connector replaces). A tag whose driver has a prepaid
 * wallet below the wallet's minimum balance is Blocked.
 */
export async function authorizeIdTag(
  db: Db,
  input: { idTag: string; stationId: string; now: Date; exceptTransactionId?: number },
): Promise<IdTagInfo> {
  const found = await getIdTagForAuthorization(db, { idTag: input.idTag, stationId: input.stationId });
  const limited = found?.tag.maxConcurrentTx != null;
  const openTransactions = limited ? await countOpenTransactionsForTag(db, input.idTag, input.exceptTransactionId) : 0;
  const info = evaluateIdTag({ found, openTransactions, now: input.now });
  if (info.status !== 'Accepted') return info;
  // A prepaid driver: Blocked while the wallet is below its minimum (1.6 has no "no credit" status).
  const wallet = await getWalletStandingForTag(db, input.idTag);
  return wallet && wallet.balance < wallet.minBalance ? { ...info, status: 'Blocked' } : info;
}
