import type { Db } from '../db/client';
import { getMonthlyInvoiceAccount, lockMonthlyAccount, releaseMonthlyInvoiceSessions } from '../db/queries/statements';
import type { Invoice } from '../db/schema';

/**
 * A credit note on a monthly invoice is a correction: in the credit note's database transaction the
 * invoice's sessions are released (under the account's lock, taken after the invoice's credit lock:
 * the order every writer keeps), so the next monthly invoice of their account carries them again,
 * with their price as settled (or as restated since). Their wallet debits stay with the sessions and
 * pay that invoice. Returns the released session ids ([] for any other kind of invoice).
 */
export async function releaseCreditedMonthlySessions(tx: Db, invoice: Invoice): Promise<number[]> {
  if (invoice.kind !== 'monthly') return [];
  const accountKey = await getMonthlyInvoiceAccount(tx, invoice.id);
  if (!accountKey) return [];
  await lockMonthlyAccount(tx, accountKey);
  return releaseMonthlyInvoiceSessions(tx, invoice.id);
}
