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

export function CreateWalletForm({ drivers, action }: { drivers: { id: string; name: string; email: string | null }[]; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-4 sm:items-end">
      <FormMessage state={state} className="sm:col-span-4" />
      <div className="space-y-1.5 sm:col-span-2">
        <Label htmlFor="wallet-driver">Driver</Label>
        <NativeSelect id="wallet-driver" name="driverId" defaultValue="">
          <option value="">Choose a driver</option>
          {drivers.map((driver) => (
            <option key={driver.id} value={driver.id}>
              {driver.name} {driver.email ? `(${driver.email})` : ''}
            </option>
          ))}
        </NativeSelect>
        <FieldError id="wallet-driver-error" errors={state.fieldErrors?.driverId} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="wallet-currency">Currency</Label>
        <Input id="wallet-currency" name="currency" defaultValue="EUR" maxLength={3} />
        <FieldError id="wallet-currency-error" errors={state.fieldErrors?.currency} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="wallet-min">Minimum to charge</Label>
        <Input id="wallet-min" name="minBalance" placeholder="0.01" inputMode="decimal" />
        <FieldError id="wallet-min-error" errors={state.fieldErrors?.minBalance} />
      </div>
      <Button type="submit" disabled={pending} className="justify-self-start">
        Open wallet
      </Button>
    </form>
  );
}

export function TopUpForm({ walletId, currency, action }: { walletId: string; currency: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-3 sm:items-end">
      <FormMessage state={state} className="sm:col-span-3" />
      <input type="hidden" name="walletId" value={walletId} />
      <input type="hidden" name="currency" value={currency} />
      <div className="space-y-1.5">
        <Label htmlFor="top-up-amount">Amount ({currency})</Label>
        <Input id="top-up-amount" name="amount" inputMode="decimal" placeholder="20.00" aria-describedby="top-up-amount-error" />
        <FieldError id="top-up-amount-error" errors={state.fieldErrors?.amount} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="top-up-note">Note</Label>
        <Input id="top-up-note" name="note" maxLength={200} placeholder="Cash at the desk" />
      </div>
      <Button type="submit" disabled={pending} className="justify-self-start">
        Top up
      </Button>
    </form>
  );
}
