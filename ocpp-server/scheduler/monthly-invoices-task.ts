import type { Db } from '@/lib/db/client';
import { issueMonthlyInvoices } from '@/lib/statements/issue-monthly-invoices';
import type { ScheduledTask } from './scheduler';

/**
 * Issues the monthly invoices of the months that have ended (every 10 min and at start). Several
 * nodes may run it at once: each account is invoiced under its own advisory lock and its sessions
 * are marked in the same transaction, so nothing is invoiced twice.
 */
export function monthlyInvoicesTask(db: Db, everyMs = 10 * 60_000): ScheduledTask {
  return {
    name: 'monthly-invoices',
    everyMs,
    immediate: true,
    async run() {
      await issueMonthlyInvoices(db, new Date());
    },
  };
}
