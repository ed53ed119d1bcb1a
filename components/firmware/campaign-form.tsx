'use client';

import { useActionState } from 'react';
import { FormField } from '@/components/forms/form-field';
import { FormMessage } from '@/components/forms/form-message';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import type { FormState } from '@/lib/actions/form-action';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** A new rollout: which firmware, which stations (every criterion given must match), how fast. */
export function CampaignForm(props: { action: Action; firmware: { id: number; label: string }[]; sites: { id: string; name: string }[] }) {
  const [state, formAction, pending] = useActionState(props.action, {});
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  return (
    <form action={formAction} className="grid gap-4 sm:grid-cols-2" aria-label="New campaign" noValidate>
      <FormMessage state={state} className="sm:col-span-2" />
      <FormField id="campaign-name" name="name" label="Campaign name" defaultValue={values.name} errors={errors.name} required />
      <div className="space-y-1.5">
        <Label htmlFor="field-firmwareId">Firmware</Label>
        <NativeSelect id="field-firmwareId" name="firmwareId" defaultValue={values.firmwareId}>
          {props.firmware.map((image) => (
            <option key={image.id} value={image.id}>
              {image.label}
            </option>
          ))}
        </NativeSelect>
        <FieldError id="field-firmwareId-error" errors={errors.firmwareId} />
      </div>
      <FormField id="campaign-vendor" name="vendor" label="Station vendor" defaultValue={values.vendor} errors={errors.vendor} />
      <FormField id="campaign-model" name="model" label="Station model" defaultValue={values.model} errors={errors.model} />
      <FormField id="campaign-currentFirmware" name="currentFirmware" label="Current firmware version" defaultValue={values.currentFirmware} errors={errors.currentFirmware} hint="As reported in BootNotification." />
      <div className="space-y-1.5">
        <Label htmlFor="field-siteId">Site</Label>
        <NativeSelect id="field-siteId" name="siteId" defaultValue={values.siteId ?? ''}>
          <option value="">Any site</option>
          {props.sites.map((site) => (
            <option key={site.id} value={site.id}>
              {site.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="field-stationIds">Stations (ids, comma or line separated)</Label>
        <Textarea id="field-stationIds" name="stationIds" rows={2} defaultValue={values.stationIds} />
        <FieldError id="field-stationIds-error" errors={errors.stationIds} />
      </div>
      <FormField id="campaign-batchSize" name="batchSize" label="Batch size" inputMode="numeric" defaultValue={values.batchSize ?? '10'} errors={errors.batchSize} hint="UpdateFirmware sent per round (every 2 s)." />
      <FormField id="campaign-concurrency" name="concurrency" label="Concurrency" inputMode="numeric" defaultValue={values.concurrency ?? '50'} errors={errors.concurrency} hint="Stations updating at once at most." />
      <FormField id="campaign-failureThreshold" name="failureThreshold" label="Stop after failures" inputMode="numeric" defaultValue={values.failureThreshold} errors={errors.failureThreshold} hint="Empty: failures never stop the campaign." />
      <FormField id="campaign-startAt" name="startAt" label="Start (UTC)" type="datetime-local" defaultValue={values.startAt} errors={errors.startAt} hint="Empty: now." />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending || props.firmware.length === 0}>
          {pending ? 'Starting…' : 'Start campaign'}
        </Button>
      </div>
    </form>
  );
}
