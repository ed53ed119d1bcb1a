'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { FormField } from '@/components/forms/form-field';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import type { FormState } from '@/lib/actions/form-action';
import { FormMessage } from '@/components/forms/form-message';

export interface DriverFormValues {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  status: 'active' | 'blocked';
  company: string | null;
  notes: string | null;
}

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Create or edit a driver; errors appear next to their fields. `companies` feeds the suggestions. */
export function DriverForm({ action, driver, companies, submitLabel }: { action: Action; driver?: DriverFormValues; companies: string[]; submitLabel: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  const values: Record<string, string> = state.values ?? (driver ? Object.fromEntries(Object.entries(driver).map(([key, value]) => [key, value ?? ''])) : {});
  return (
    <form action={formAction} className="grid gap-4 sm:grid-cols-2" noValidate>
      <FormMessage state={state} className="sm:col-span-2" />
      {driver ? <input type="hidden" name="id" value={driver.id} /> : null}
      <FormField name="name" label="Name" defaultValue={values.name} errors={errors.name} required />
      <FormField name="company" label="Company or fleet" defaultValue={values.company} errors={errors.company} list="driver-companies" hint="Drivers of one company are grouped." />
      <datalist id="driver-companies">
        {companies.map((company) => (
          <option key={company} value={company} />
        ))}
      </datalist>
      <FormField name="email" label="Email" type="email" defaultValue={values.email} errors={errors.email} />
      <FormField name="phone" label="Phone" type="tel" defaultValue={values.phone} errors={errors.phone} hint="e.g. +49 30 1234567" />
      <div className="space-y-1.5">
        <Label htmlFor="field-driver-status">Status</Label>
        <NativeSelect id="field-driver-status" name="status" defaultValue={values.status || 'active'} aria-describedby="field-driver-status-error">
          <option value="active">Active</option>
          <option value="blocked">Blocked (all their tags are refused)</option>
        </NativeSelect>
        <FieldError id="field-driver-status-error" errors={errors.status} />
      </div>
      <div className="space-y-1.5 sm:col-span-2">
        <Label htmlFor="field-notes">Notes</Label>
        <Textarea id="field-notes" name="notes" defaultValue={values.notes} rows={3} aria-invalid={errors.notes?.length ? true : undefined} aria-describedby="field-notes-error" />
        <FieldError id="field-notes-error" errors={errors.notes} />
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </Button>
      </div>
    </form>
  );
}
