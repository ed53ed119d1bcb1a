import type { Db } from '../db/client';
import { getTransactionById } from '../db/queries/transactions';

/**
 * Which station each transactionId belongs to, remembered (a transaction never changes station),
 * so MeterValues cost no read: samples are attached to a transaction only if it is this station's.
 */
export function createTransactionLookup(db: Db, maxEntries = 200_000) {
  const owners = new Map<number, string | null>();
  const remember = (transactionId: number, stationId: string | null) => {
    if (owners.size >= maxEntries) owners.delete(owners.keys().next().value!);
    owners.set(transactionId, stationId);
  };
  return {
    remember,
    /** The transactionId if it is this station's, else null (unknown ids are checked again later). */
    async ownTransactionId(stationId: string, transactionId: number | undefined): Promise<number | null> {
      if (transactionId === undefined) return null;
      let owner = owners.get(transactionId);
      if (owner === undefined || owner === null) {
        owner = (await getTransactionById(db, transactionId))?.stationId ?? null;
        if (owner) remember(transactionId, owner);
      }
      return owner === stationId ? transactionId : null;
    },
  };
}
export type TransactionLookup = ReturnType<typeof createTransactionLookup>;
