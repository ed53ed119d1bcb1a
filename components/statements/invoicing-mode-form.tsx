'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import type { FormState } from '@/lib/actions/form-action';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const selectClass = 'h-11 rounded-md border border-input bg-background px-3 text-sm';

/** The driver's own invoicing setting, and their company's when they have one. */
export function InvoicingModeForm(props: { driverId: string; company: string | null; driverMode: string; companyMode: string; action: Action }) {
  const [state, formAction, pending] = useActionState(props.action, {});
  return (
    <form action={formAction} className="grid max-w-xl gap-3" aria-label="Invoicing">
      <FormMessage state={state} />
      <input type="hidden" name="driverId" value={props.driverId} />
      <div className="space-y-1.5">
        <Label htmlFor="invoicing-driver">This driver</Label>
        <select id="invoicing-driver" name="driverMode" defaultValue={props.driverMode} className={selectClass}>
          <option value="inherit">{props.company ? `As the company (${props.company})` : 'Default (per session)'}</option>
          <option value="per_session">An invoice per session</option>
          <option value="monthly">One invoice per month</option>
        </select>
      </div>
      {props.company ? (
        <div className="space-y-1.5">
          <Label htmlFor="invoicing-company">Everyone at {props.company}</Label>
          <select id="invoicing-company" name="companyMode" defaultValue={props.companyMode} className={selectClass}>
            <option value="per_session">An invoice per session</option>
            <option value="monthly">One invoice per month, to the company</option>
          </select>
        </div>
      ) : null}
      <Button type="submit" disabled={pending} className="justify-self-start">
        Save invoicing
      </Button>
    </form>
  );
}
