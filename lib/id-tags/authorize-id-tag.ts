import type { Db } from '../db/client';
import { countOpenTransactionsForTag, getIdTagWithParent } from '../db/queries/id-tags';
import type { IdTagInfo } from '../ocpp/v16/types';
import { evaluateIdTag } from './evaluate-id-tag';

/**
 * The idTagInfo for a tag now. `exceptTransactionId` leaves one transaction out of the concurrency
 * count (the one being stopped, or the one a new StartTransaction on its connector replaces).
 */
export async function authorizeIdTag(db: Db, input: { idTag: string; now: Date; exceptTransactionId?: number }): Promise<IdTagInfo> {
  const found = await getIdTagWithParent(db, input.idTag);
  const limited = found?.tag.maxConcurrentTx != null;
  const openTransactions = limited ? await countOpenTransactionsForTag(db, input.idTag, input.exceptTransactionId) : 0;
  return evaluateIdTag({ found, openTransactions, now: input.now });
}
