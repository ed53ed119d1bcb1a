import { BillingTabs } from '@/components/billing/billing-tabs';
import { CancelSubscriptionForm, CreatePlanForm, PlanOfferForm, SubscribeForm } from '@/components/billing/plan-forms';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { roleAllows } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { listDriverChoices } from '@/lib/db/queries/drivers';
import { listPlans } from '@/lib/db/queries/subscriptions';
import { listTariffRows } from '@/lib/db/queries/tariffs';
import { formatMinorUnits } from '@/lib/pricing/currency';
import { listSubscriptionViews } from '@/lib/subscriptions/subscription-view';
import { cancelSubscriptionAction, createPlanAction, setPlanOfferedAction, subscribeDriverAction } from './actions';

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : '—');

export default async function PlansPage() {
  const user = await requireUser();
  const db = getDb();
  const now = new Date();
  const [plans, subscriptions, drivers, tariffs] = await Promise.all([listPlans(db), listSubscriptionViews(db, {}, now), listDriverChoices(db), listTariffRows(db)]);
  const isAdmin = roleAllows(user.role, 'admin');
  const tariffName = new Map(tariffs.map((tariff) => [tariff.id, tariff.name]));
  const kWh = (wh: number) => `${(wh / 1000).toLocaleString('en-US')} kWh`;
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
              <Th>Offered</Th>
            </Tr>
          </THead>
          <TBody>
            {plans.map((plan) => (
              <Tr key={plan.id} data-plan={plan.name}>
                <Td className="font-medium">{plan.name}</Td>
                <Td className="text-right tabular-nums">{formatMinorUnits(plan.monthlyFee, plan.currency)}</Td>
                <Td className="text-right tabular-nums">{plan.vatPercent}%</Td>
                <Td className="text-right tabular-nums">{kWh(plan.includedWh)}</Td>
                <Td className="text-right tabular-nums">{plan.discountPercent}%</Td>
                <Td>{plan.tariffId ? tariffName.get(plan.tariffId) : '—'}</Td>
                <Td>{isAdmin ? <PlanOfferForm planId={plan.id} active={plan.active} action={setPlanOfferedAction} /> : plan.active ? 'yes' : 'no'}</Td>
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
              <Th className="text-right">Included used (this period)</Th>
              <Th />
            </Tr>
          </THead>
          <TBody>
            {subscriptions.map((subscription) => (
              <Tr key={subscription.id} data-subscription={subscription.driverName}>
                <Td>{subscription.driverName}</Td>
                <Td>{subscription.plan.name}</Td>
                <Td className="tabular-nums">{day(new Date(subscription.startsAt))}</Td>
                <Td className="tabular-nums">{day(subscription.endsAt ? new Date(subscription.endsAt) : null)}</Td>
                <Td className="text-right tabular-nums">{subscription.currentPeriod ? `${kWh(subscription.currentPeriod.usedWh)} of ${kWh(subscription.currentPeriod.includedWh)}` : '—'}</Td>
                <Td>{isAdmin && subscription.status === 'active' ? <CancelSubscriptionForm subscriptionId={subscription.id} action={cancelSubscriptionAction} /> : null}</Td>
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
