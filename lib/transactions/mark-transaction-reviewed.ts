import type { Db } from '../db/client';
import type { Transaction } from '../db/schema';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { getTransactionById, markTransactionReviewed } from '../db/queries/transactions';
import { badRequest, conflict, notFound } from '../errors';

export const REVIEW_NOTE_MAX = 500;

/**
 * An operator has looked at a session the reconciliation flagged "Needs review": the flag is cleared
 * (badge and filter stop showing it), the note says who reviewed it, when, and their optional words,
 * and the audit log keeps it. A late StopTransaction arriving afterwards flags it again.
 */
export async function reviewTransaction(db: Db, actor: Actor, transactionId: number, note: string | undefined, now = new Date()): Promise<Transaction> {
  const words = note?.trim() ?? '';
  if (words.length > REVIEW_NOTE_MAX) throw badRequest(`note: at most ${REVIEW_NOTE_MAX} characters`, 'note');
  return db.transaction(async (tx) => {
    const before = await getTransactionById(tx, transactionId);
    if (!before) throw notFound('Transaction not found');
    const reviewed = await markTransactionReviewed(tx, { id: transactionId, at: now, note: `${now.toISOString()} reviewed by ${actor.label}${words ? `: ${words}` : ''}` });
    if (!reviewed) throw conflict('not_flagged', `Session ${transactionId} is not flagged for review`);
    await recordAudit(tx, actor, { action: 'transaction.review', targetType: 'transaction', targetId: String(transactionId), before: { needsReview: true }, after: { needsReview: false, note: words || null } });
    return reviewed;
  });
}
