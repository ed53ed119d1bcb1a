import type { Db } from '../db/client';
import type { NewInvoiceLine } from '../db/queries/invoices';
import { lockSubscriptionRow, recordIncludedEnergyUsage, sumIncludedEnergyUsed } from '../db/queries/subscriptions';
import { listTransactionTariffSnapshots } from '../db/queries/transaction-costs';
import type { DriverSubscription, SubscriptionPlan } from '../db/schema';
import type { CostView } from '../billing/cost-view';
import { allowancePeriod, applyIncludedEnergy } from './included-energy';

export interface AllowanceUse {
  subscriptionId: string;
  periodStart: Date;
  wh: number;
}

/**
 * The included-energy lines of a stopped session (see included-energy.ts for the rule): what is left
 * of its period's allowance after every other session invoiced in that period, so a re-invoiced
 * session takes its own share again instead of a second one. Reads only; `use` is recorded with the
 * invoice (recordAllowanceUse).
 */
export async function draftIncludedEnergy(
  db: Db,
  input: { transactionId: number; startedAt: Date; stoppedAt: Date; subscription: DriverSubscription; plan: SubscriptionPlan; cost: CostView },
): Promise<{ lines: NewInvoiceLine[]; use: AllowanceUse | null }> {
  const { plan, subscription, cost } = input;
  if (plan.includedWh <= 0 || plan.currency !== cost.currency) return { lines: [], use: null };
  const period = allowancePeriod(subscription, input);
  const used = await sumIncludedEnergyUsed(db, { subscriptionId: subscription.id, periodStart: period.start, exceptTransactionId: input.transactionId });
  const included = applyIncludedEnergy(cost.lines, { remainingWh: plan.includedWh - used, sessionNet: cost.net, currency: cost.currency, planName: plan.name });
  return { lines: included.lines, use: { subscriptionId: subscription.id, periodStart: period.start, wh: included.takenWh } };
}

/** Before drafting an invoice: the session's subscription row is locked, so two stops take in turn. */
export async function lockSessionSubscription(db: Db, transactionId: number): Promise<void> {
  const subscriptionId = (await listTransactionTariffSnapshots(db, [transactionId])).get(transactionId)?.subscriptionId;
  if (subscriptionId) await lockSubscriptionRow(db, subscriptionId);
}

export async function recordAllowanceUse(db: Db, transactionId: number, use: AllowanceUse | null, now: Date): Promise<void> {
  if (use) await recordIncludedEnergyUsage(db, { transactionId, ...use, recordedAt: now });
}
