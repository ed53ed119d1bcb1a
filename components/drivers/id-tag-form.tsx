'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { FormField } from '@/components/forms/form-field';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import type { FormState } from '@/lib/actions/form-action';
import { toDateTimeLocal } from '@/lib/id-tags/id-tag-form-input';
import { FormMessage } from '@/components/forms/form-message';

export interface IdTagFormValues {
  idTag: string;
  status: string;
  expiryDate: string | null;
  parentIdTag: string | null;
  driverId: string | null;
  maxActiveTransactions: number | null;
  siteIds: string[] | null;
  label: string | null;
}

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Choice = { id: string; name: string };

interface IdTagFormProps {
  action: Action;
  /** Editing this tag (its value cannot change); absent: registering a new one. */
  tag?: IdTagFormValues;
  drivers: (Choice & { email: string | null })[];
  /** The tags hold this driver, chosen by the page (no driver picker). */
  fixedDriverId?: string;
  sites: Choice[];
  parentChoices: string[];
  submitLabel: string;
}

/** Register or edit an id tag; errors appear next to their fields (names as in the REST API). */
export function IdTagForm({ action, tag, drivers, fixedDriverId, sites, parentChoices, submitLabel }: IdTagFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  const values = state.ok && !tag ? {} : (state.values ?? formValuesOf(tag));
  const [sitesMode, setSitesMode] = useState(tag?.siteIds ? 'some' : 'all');
  const [siteIds, setSiteIds] = useState<string[]>(tag?.siteIds ?? []);
  const toggle = (id: string, on: boolean) => setSiteIds((ids) => (on ? [...ids, id] : ids.filter((other) => other !== id)));
  return (
    <form action={formAction} className="grid gap-4 sm:grid-cols-2" noValidate>
      <FormMessage state={state} className="sm:col-span-2" />
      {tag ? (
        <input type="hidden" name="idTag" value={tag.idTag} />
      ) : (
        <FormField name="idTag" label="Tag value (idTag)" defaultValue={values.idTag} errors={errors.idTag} required maxLength={20} autoComplete="off" className="font-mono"
          hint="Exactly as the station sends it (case matters), at most 20 characters." />
      )}
      <div className="space-y-1.5">
        <Label htmlFor="field-status">Status</Label>
        <NativeSelect id="field-status" name="status" defaultValue={values.status || 'Accepted'} aria-describedby="field-status-error">
          <option value="Accepted">Accepted</option>
          <option value="Blocked">Blocked</option>
          <option value="Expired">Expired</option>
        </NativeSelect>
        <FieldError id="field-status-error" errors={errors.status} />
      </div>
      <FormField name="expiryDate" label="Expires at (UTC)" type="datetime-local" defaultValue={values.expiryDate} errors={errors.expiryDate} hint="Empty: never." />
      <FormField name="maxActiveTransactions" label="Max. concurrent sessions" inputMode="numeric" defaultValue={values.maxActiveTransactions} errors={errors.maxActiveTransactions} hint="Empty: no limit." />
      <FormField name="parentIdTag" label="Parent tag (group)" defaultValue={values.parentIdTag} errors={errors.parentIdTag} list="id-tag-parents" autoComplete="off" className="font-mono"
        hint="Blocking the parent blocks every tag of its group." />
      <datalist id="id-tag-parents">
        {parentChoices.map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      {fixedDriverId ? (
        <input type="hidden" name="driverId" value={fixedDriverId} />
      ) : (
        <div className="space-y-1.5">
          <Label htmlFor="field-driverId">Driver</Label>
          <NativeSelect id="field-driverId" name="driverId" defaultValue={values.driverId ?? ''} aria-describedby="field-driverId-error">
            <option value="">No driver</option>
            {drivers.map((driver) => (
              <option key={driver.id} value={driver.id}>
                {driver.name}
                {driver.email ? ` (${driver.email})` : ''}
              </option>
            ))}
          </NativeSelect>
          <FieldError id="field-driverId-error" errors={errors.driverId} />
        </div>
      )}
      <FormField name="label" label="Label" defaultValue={values.label} errors={errors.label} hint="For people, e.g. “blue key fob”." />
      <fieldset className="space-y-2 sm:col-span-2" aria-describedby="field-siteIds-error">
        <legend className="text-sm font-medium">Where it may charge</legend>
        <input type="hidden" name="sitesMode" value={sitesMode} />
        <input type="hidden" name="siteIds" value={siteIds.join(',')} />
        <label className="flex min-h-9 items-center gap-2 text-sm">
          <input type="radio" name="sitesChoice" checked={sitesMode === 'all'} onChange={() => setSitesMode('all')} className="size-4" /> At all sites
        </label>
        <label className="flex min-h-9 items-center gap-2 text-sm">
          <input type="radio" name="sitesChoice" checked={sitesMode === 'some'} onChange={() => setSitesMode('some')} className="size-4" disabled={sites.length === 0} /> Only at these sites
          {sites.length === 0 ? <span className="text-muted-foreground">(no sites yet)</span> : null}
        </label>
        {sitesMode === 'some' ? (
          <div className="grid gap-1 pl-6 sm:grid-cols-2">
            {sites.map((site) => (
              <label key={site.id} className="flex min-h-9 items-center gap-2 text-sm">
                <input type="checkbox" checked={siteIds.includes(site.id)} onChange={(event) => toggle(site.id, event.target.checked)} className="size-4" /> {site.name}
              </label>
            ))}
          </div>
        ) : null}
        <FieldError id="field-siteIds-error" errors={errors.siteIds} />
      </fieldset>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </Button>
      </div>
    </form>
  );
}

function formValuesOf(tag: IdTagFormValues | undefined): Record<string, string> {
  if (!tag) return { maxActiveTransactions: '1' };
  return {
    idTag: tag.idTag,
    status: tag.status,
    expiryDate: toDateTimeLocal(tag.expiryDate),
    parentIdTag: tag.parentIdTag ?? '',
    driverId: tag.driverId ?? '',
    maxActiveTransactions: tag.maxActiveTransactions === null ? '' : String(tag.maxActiveTransactions),
    label: tag.label ?? '',
  };
}
