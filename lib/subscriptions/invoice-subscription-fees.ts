import type { Db } from '../db/client';
import { lockInvoiceSubject } from '../db/queries/invoices';
import { getSubscriptionWithPlan, listSubscriptionsBegunBy } from '../db/queries/subscriptions';
import type { Invoice } from '../db/schema';
import { systemActor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { insertNumberedInvoice } from '../invoices/insert-numbered-invoice';
import { minorUnitExponent } from '../pricing/currency';
import { periodsBegunBy, vatOf, type Period } from './periods';

/**
 * Invoices the monthly fee of every subscription period that has begun by `now` and has no invoice
 * yet, in advance at the period's start (one invoice per period: a unique key). Safe to run as often
 * as wanted, e.g. from a daily job or the Plans page.
 */
export async function invoiceDueSubscriptionFees(db: Db, now: Date): Promise<Invoice[]> {
  const issued: Invoice[] = [];
  for (const { subscription } of await listSubscriptionsBegunBy(db, now)) {
    for (const period of periodsBegunBy(subscription.startsAt, subscription.endsAt, now)) {
      const invoice = await invoicePeriod(db, subscription.id, period, now);
      if (invoice) issued.push(invoice);
    }
  }
  return issued;
}

/** The same for one subscription (a sign-up invoices its first period at once). */
export async function invoiceSubscriptionFeesDue(db: Db, subscriptionId: string, now: Date): Promise<Invoice[]> {
  const found = await getSubscriptionWithPlan(db, subscriptionId);
  if (!found) return [];
  const issued: Invoice[] = [];
  for (const period of periodsBegunBy(found.subscription.startsAt, found.subscription.endsAt, now)) {
    const invoice = await invoicePeriod(db, subscriptionId, period, now);
    if (invoice) issued.push(invoice);
  }
  return issued;
}

async function invoicePeriod(db: Db, subscriptionId: string, period: Period, now: Date): Promise<Invoice | null> {
  return db.transaction(async (tx) => {
    await lockInvoiceSubject(tx, `subscription:${subscriptionId}:${period.start.toISOString()}`);
    const found = await getSubscriptionWithPlan(tx, subscriptionId);
    if (!found) return null;
    const { plan, subscription, driverName, driverEmail } = found;
    const existing = await tx.query.invoices.findFirst({ where: (i, { and, eq }) => and(eq(i.subscriptionId, subscriptionId), eq(i.periodStart, period.start), eq(i.kind, 'subscription_fee')) });
    if (existing) return null;
    const vat = vatOf(plan.monthlyFee, plan.vatPercent);
    const day = (date: Date) => date.toISOString().slice(0, 10);
    const invoice = await insertNumberedInvoice(
      tx,
      'INV',
      {
        kind: 'subscription_fee',
        issuedAt: now,
        currency: plan.currency,
        driverId: subscription.driverId,
        subscriptionId,
        periodStart: period.start,
        periodEnd: period.end,
        customerName: driverName,
        customerEmail: driverEmail,
        note: `Subscription ${plan.name}, period ${period.index + 1}: ${day(period.start)} – ${day(period.end)}`,
        issuedBy: systemActor.label,
      },
      [
        {
          component: 'SUBSCRIPTION_FEE',
          description: `${plan.name}: monthly fee`,
          quantity: 1,
          unit: 'month',
          unitPrice: plan.monthlyFee / 10 ** minorUnitExponent(plan.currency),
          net: plan.monthlyFee,
          vatRate: plan.vatPercent,
          vat,
          gross: plan.monthlyFee + vat,
        },
      ],
    );
    await recordAudit(tx, systemActor, { action: 'invoice.issue', targetType: 'invoice', targetId: invoice.id, after: { number: invoice.number, subscriptionId, periodStart: period.start } });
    return invoice;
  });
}
