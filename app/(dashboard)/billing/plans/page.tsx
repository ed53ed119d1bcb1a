import { BillingTabs } from '@/components/billing/billing-tabs';
import { CancelSubscriptionForm, CreatePlanForm, SubscribeForm } from '@/components/billing/plan-forms';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { roleAllows } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { listDriverChoices } from '@/lib/db/queries/drivers';
import { listPlans, listSubscriptions } from '@/lib/db/queries/subscriptions';
import { listTariffRows } from '@/lib/db/queries/tariffs';
import { formatMinorUnits } from '@/lib/pricing/currency';
import { cancelSubscriptionAction, createPlanAction, subscribeDriverAction } from './actions';

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : '—');

export default async function PlansPage() {
  const user = await requireUser();
  const db = getDb();
  const [plans, subscriptions, drivers, tariffs] = await Promise.all([listPlans(db), listSubscriptions(db), listDriverChoices(db), listTariffRows(db)]);
  const isAdmin = roleAllows(user.role, 'admin');
  const tariffName = new Map(tariffs.map((tariff) => [tariff.id, tariff.name]));
  const now = new Date();
  return (
    <>
      <PageHeader title="Subscription plans" description="A monthly fee invoiced per period (calendar months from the start, no proration), energy included per period, a discount on sessions, optionally a tariff of its own. Included energy covers only the per-kWh part of a session (time, parking and session fees are charged), taken by the sessions in the order they stop in the period; the invoice shows it as an 'Included energy' line with the Wh and the amount waived." />
      <BillingTabs current="/billing/plans" />
      <div className="grid gap-6">
        <Table aria-label="Plans">
          <THead>
            <Tr>
              <Th>Plan</Th>
              <Th className="text-right">Monthly fee</Th>
              <Th className="text-right">VAT</Th>
              <Th className="text-right">Included / period</Th>
              <Th className="text-right">Discount</Th>
              <Th>Tariff</Th>
            </Tr>
          </THead>
          <TBody>
            {plans.map((plan) => (
              <Tr key={plan.id} data-plan={plan.name}>
                <Td className="font-medium">{plan.name}</Td>
                <Td className="text-right tabular-nums">{formatMinorUnits(plan.monthlyFee, plan.currency)}</Td>
                <Td className="text-right tabular-nums">{plan.vatPercent}%</Td>
                <Td className="text-right tabular-nums">{(plan.includedWh / 1000).toLocaleString('en-US')} kWh</Td>
                <Td className="text-right tabular-nums">{plan.discountPercent}%</Td>
                <Td>{plan.tariffId ? tariffName.get(plan.tariffId) : '—'}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
        <Table aria-label="Subscriptions">
          <THead>
            <Tr>
              <Th>Driver</Th>
              <Th>Plan</Th>
              <Th>Starts</Th>
              <Th>Ends</Th>
              <Th />
            </Tr>
          </THead>
          <TBody>
            {subscriptions.map(({ subscription, plan, driverName }) => (
              <Tr key={subscription.id} data-subscription={driverName}>
                <Td>{driverName}</Td>
                <Td>{plan.name}</Td>
                <Td className="tabular-nums">{day(subscription.startsAt)}</Td>
                <Td className="tabular-nums">{day(subscription.endsAt)}</Td>
                <Td>{isAdmin && (!subscription.endsAt || subscription.endsAt > now) && subscription.startsAt <= now ? <CancelSubscriptionForm subscriptionId={subscription.id} action={cancelSubscriptionAction} /> : null}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
        {isAdmin ? (
          <>
            <Card>
              <CardHeader>
                <CardTitle>Subscribe a driver</CardTitle>
                <CardDescription>One running subscription per driver. Each period&apos;s fee is invoiced when it begins.</CardDescription>
              </CardHeader>
              <CardContent>
                <SubscribeForm drivers={drivers} plans={plans} action={subscribeDriverAction} />
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>New plan</CardTitle>
              </CardHeader>
              <CardContent>
                <CreatePlanForm tariffs={tariffs.map(({ id, name }) => ({ id, name }))} action={createPlanAction} />
              </CardContent>
            </Card>
          </>
        ) : null}
      </div>
    </>
  );
}
