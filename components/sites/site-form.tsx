'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/forms/form-field';
import type { FormState } from '@/lib/actions/form-action';
import { FormMessage } from '@/components/forms/form-message';

export interface SiteFormValues {
  id?: string;
  name: string;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  timeZone: string;
}

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const text = (value: string | number | null | undefined) => (value == null ? '' : String(value));

/** Create or edit a site; errors appear next to their fields. `timeZones` feeds the suggestions. */
export function SiteForm({ action, site, timeZones, submitLabel }: { action: Action; site?: SiteFormValues; timeZones: string[]; submitLabel: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  // After a successful create the form starts empty again; after an edit it shows what was saved.
  const values: Record<string, string> = state.values ?? (site ? Object.fromEntries(Object.entries(site).map(([key, value]) => [key, text(value)])) : {});
  const shown = state.ok && !site ? {} : values;
  return (
    <form action={formAction} className="grid gap-4 sm:grid-cols-2" noValidate>
      <FormMessage state={state} className="sm:col-span-2" />
      {site?.id ? <input type="hidden" name="id" value={site.id} /> : null}
      <FormField name="name" label="Name" defaultValue={shown.name} errors={errors.name} required />
      <FormField name="timeZone" label="Time zone" defaultValue={shown.timeZone ?? 'UTC'} errors={errors.timeZone} list="site-time-zones" hint="IANA name, e.g. Europe/Berlin: tariff hours follow this clock." required />
      <datalist id="site-time-zones">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <FormField name="addressLine" label="Street and number" defaultValue={shown.addressLine} errors={errors.addressLine} />
      <FormField name="postalCode" label="Postal code" defaultValue={shown.postalCode} errors={errors.postalCode} />
      <FormField name="city" label="City" defaultValue={shown.city} errors={errors.city} />
      <FormField name="country" label="Country" defaultValue={shown.country} errors={errors.country} hint="Two letters, e.g. DE." maxLength={2} />
      <FormField name="latitude" label="Latitude" inputMode="decimal" defaultValue={shown.latitude} errors={errors.latitude} hint="Decimal degrees, −90 to 90." />
      <FormField name="longitude" label="Longitude" inputMode="decimal" defaultValue={shown.longitude} errors={errors.longitude} hint="Decimal degrees, −180 to 180." />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </Button>
      </div>
    </form>
  );
}
