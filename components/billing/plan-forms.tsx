'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import type { FormState } from '@/lib/actions/form-action';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Choice = { id: string; name: string };

/** An input that keeps what was typed when the action answers with errors (React resets forms after an action). */
function Field({ id, label, name, state, defaultValue, ...props }: { id: string; label: string; name: string; state: FormState } & React.ComponentProps<'input'>) {
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} name={name} aria-describedby={`${id}-error`} defaultValue={state.values?.[name] ?? defaultValue} {...props} />
      <FieldError id={`${id}-error`} errors={state.fieldErrors?.[name]} />
    </div>
  );
}

export function CreatePlanForm({ tariffs, action }: { tariffs: Choice[]; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-3 sm:items-end">
      <FormMessage state={state} className="sm:col-span-3" />
      <Field id="plan-name" label="Name" name="name" state={state} />
      <Field id="plan-currency" label="Currency" name="currency" defaultValue="EUR" maxLength={3} state={state} />
      <Field id="plan-fee" label="Monthly fee (excl. VAT)" name="monthlyFee" inputMode="decimal" placeholder="9.99" state={state} />
      <Field id="plan-vat" label="VAT %" name="vatPercent" defaultValue="19" inputMode="decimal" state={state} />
      <Field id="plan-included" label="Included kWh per period" name="includedKwh" defaultValue="0" inputMode="decimal" state={state} />
      <Field id="plan-discount" label="Discount on sessions %" name="discountPercent" defaultValue="0" inputMode="numeric" state={state} />
      <div className="space-y-1.5">
        <Label htmlFor="plan-tariff">Tariff of the plan</Label>
        <NativeSelect id="plan-tariff" name="tariffId" defaultValue="">
          <option value="">None: the site&apos;s tariff</option>
          {tariffs.map((tariff) => (
            <option key={tariff.id} value={tariff.id}>
              {tariff.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" disabled={pending} className="justify-self-start">
        Create plan
      </Button>
    </form>
  );
}

export function SubscribeForm({ drivers, plans, action }: { drivers: Choice[]; plans: Choice[]; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-4 sm:items-end">
      <FormMessage state={state} className="sm:col-span-4" />
      {(
        [
          ['subscribe-driver', 'Driver', 'driverId', drivers],
          ['subscribe-plan', 'Plan', 'planId', plans],
        ] as const
      ).map(([id, label, name, choices]) => (
        <div key={id} className="space-y-1.5">
          <Label htmlFor={id}>{label}</Label>
          <NativeSelect id={id} name={name} defaultValue="">
            <option value="">Choose…</option>
            {choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name}
              </option>
            ))}
          </NativeSelect>
          <FieldError id={`${id}-error`} errors={state.fieldErrors?.[name]} />
        </div>
      ))}
      <Field id="subscribe-start" label="Starts on (UTC)" name="startsOn" type="date" state={state} />
      <Button type="submit" disabled={pending} className="justify-self-start">
        Subscribe
      </Button>
    </form>
  );
}

export function CancelSubscriptionForm({ subscriptionId, action }: { subscriptionId: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="subscriptionId" value={subscriptionId} />
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        Cancel
      </Button>
      {state.message ? <span className="text-xs text-muted-foreground">{state.message}</span> : null}
    </form>
  );
}

export function PlanOfferForm({ planId, active, action }: { planId: string; active: boolean; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      <span>{active ? 'yes' : 'no'}</span>
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        {active ? 'Withdraw' : 'Offer'}
      </Button>
      {state.message ? <span className="text-xs text-muted-foreground">{state.message}</span> : null}
    </form>
  );
}
