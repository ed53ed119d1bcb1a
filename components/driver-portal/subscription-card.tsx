import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { cancelOwnSubscriptionAction, subscribeToPlanAction } from '@/app/(portal)/driver/subscription-actions';
import { getDb } from '@/lib/db/client';
import { getDriverSubscriptionOverview } from '@/lib/driver-portal/driver-subscription';
import { formatMinorUnits } from '@/lib/pricing/currency';
import { CancelSubscriptionButton, SubscribeButton } from './subscription-forms';

const kWh = (wh: number) => `${(wh / 1000).toLocaleString('en-US', { maximumFractionDigits: 3 })} kWh`;
const day = (iso: string) => iso.slice(0, 10);

/**
 * The driver's plan: what runs now (period, included energy used and left), and the plans on offer
 * with a Subscribe button. Reads its own data, so the account page only places it.
 */
export async function SubscriptionCard({ driverId }: { driverId: string }) {
  const { plans, current, next } = await getDriverSubscriptionOverview(getDb(), driverId, new Date());
  const canSubscribe = !next && current?.status !== 'active';
  return (
    <Card aria-label="Subscription">
      <CardHeader>
        <CardTitle>Subscription</CardTitle>
        <CardDescription>
          Included energy pays for the per-kWh part of your sessions in each monthly period, in the order they end; time, parking and session fees still apply. Signing up starts your
          first period at once with its full fee; cancelling takes effect at the end of the period under way.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        {current ? (
          <div className="space-y-2" aria-label="Current plan">
            <p className="text-lg font-semibold">{current.plan.name}</p>
            {current.currentPeriod ? (
              <>
                <p>
                  Period {day(current.currentPeriod.start)} – {day(current.currentPeriod.end)}
                </p>
                <p aria-label="Included energy">
                  {kWh(current.currentPeriod.usedWh)} used of {kWh(current.currentPeriod.includedWh)} included · {kWh(current.currentPeriod.remainingWh)} left
                </p>
              </>
            ) : null}
            <CancelSubscriptionButton subscriptionId={current.id} endsOn={current.status === 'cancelled' && current.endsAt ? day(current.endsAt) : null} action={cancelOwnSubscriptionAction} />
          </div>
        ) : (
          <p className="text-muted-foreground">You have no subscription: you pay the tariff of each charger.</p>
        )}
        {next ? (
          <p>
            Next: {next.plan.name} from {day(next.startsAt)}.
          </p>
        ) : null}
        {plans.length > 0 ? (
          <ul className="space-y-3" aria-label="Plans">
            {plans.map((plan) => (
              <li key={plan.id} className="space-y-2 rounded-md border p-3" data-plan={plan.name}>
                <p className="font-medium">{plan.name}</p>
                <p className="text-muted-foreground">
                  {formatMinorUnits(plan.monthlyGross, plan.currency)} a month incl. VAT · {kWh(plan.includedWh)} included · {plan.discountPercent}% off sessions
                </p>
                <SubscribeButton planId={plan.id} planName={plan.name} disabled={!canSubscribe} action={subscribeToPlanAction} />
              </li>
            ))}
          </ul>
        ) : null}
        {current?.status === 'active' ? <p className="text-xs text-muted-foreground">To switch plans, cancel first: the new plan starts when this one ends.</p> : null}
      </CardContent>
    </Card>
  );
}
