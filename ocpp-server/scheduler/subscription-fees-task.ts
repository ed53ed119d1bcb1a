import type { Db } from '@/lib/db/client';
import { invoiceDueSubscriptionFees } from '@/lib/subscriptions/invoice-subscription-fees';
import type { ScheduledTask } from './scheduler';

/**
 * Invoices subscription periods that have begun (every 10 min and at start). Several nodes may run
 * it at once: each period is invoiced under its own advisory lock and a unique key, so only once.
 */
export function subscriptionFeesTask(db: Db, everyMs = 10 * 60_000): ScheduledTask {
  return {
    name: 'subscription-fees',
    everyMs,
    immediate: true,
    async run() {
      await invoiceDueSubscriptionFees(db, new Date());
    },
  };
}
