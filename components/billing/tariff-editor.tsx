'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { FormState } from '@/lib/actions/form-action';
import type { Tariff } from '@/lib/pricing';
import { draftFromTariff, emptyDraft, emptyElement, tariffFromDraft, type TariffDraft } from '@/lib/tariffs/tariff-draft';
import { DraftField } from './draft-field';
import { PreviewCalculator } from './preview-calculator';
import { TariffElementEditor } from './tariff-element-editor';
import { FormMessage } from '@/components/forms/form-message';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export interface TariffEditorProps {
  action?: Action;
  tariffId?: string;
  name?: string;
  isDefault?: boolean;
  initial?: Tariff;
  /** Operators and viewers: every input disabled, the preview still works. */
  readOnly: boolean;
  previewZones: string[];
  previewZone: string;
  today: string;
}

const noAction: Action = async () => ({});

/** Create or edit a tariff (elements, price components, restrictions, min/max price) with a live preview. */
export function TariffEditor({ action, tariffId, name = '', isDefault = false, initial, readOnly, previewZones, previewZone, today }: TariffEditorProps) {
  const [state, formAction, pending] = useActionState(action ?? noAction, {});
  const [draft, setDraft] = useState<TariffDraft>(() => (initial ? draftFromTariff(initial) : emptyDraft()));
  const [title, setTitle] = useState(name);
  const [makeDefault, setMakeDefault] = useState(isDefault);
  const errors = state.fieldErrors ?? {};
  const tariff = tariffFromDraft(draft);
  const set = (key: keyof TariffDraft) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const field = (key: keyof TariffDraft, path: string, label: string, hint?: string) => (
    <DraftField path={path} label={label} value={draft[key] as string} onChange={set(key)} errors={errors} readOnly={readOnly} hint={hint} />
  );
  return (
    <div className="grid gap-6">
      <form action={formAction} className="grid gap-6" noValidate aria-label="Tariff">
        <FormMessage state={state} />
        {tariffId ? <input type="hidden" name="id" value={tariffId} /> : null}
        <input type="hidden" name="tariff" value={JSON.stringify(tariff)} />
        <Card>
          <CardHeader>
            <CardTitle>Tariff</CardTitle>
            <CardDescription>Prices excl. VAT, as decimals. Sessions are priced by the version in force when they start.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <div className="space-y-1.5 sm:col-span-2">
              <Label htmlFor="tariff-name">Name</Label>
              <Input id="tariff-name" name="name" value={title} onChange={(event) => setTitle(event.target.value)} disabled={readOnly} aria-invalid={errors.name ? true : undefined} aria-describedby="tariff-name-error" />
              <FieldError id="tariff-name-error" errors={errors.name} />
            </div>
            {field('currency', 'currency', 'Currency', 'ISO 4217, e.g. EUR')}
            <label className="flex items-center gap-2 self-center text-sm">
              <input type="checkbox" name="isDefault" className="size-4" checked={makeDefault} onChange={(event) => setMakeDefault(event.target.checked)} disabled={readOnly} />
              Default tariff (where no assignment applies)
            </label>
            {field('graceMinutes', 'parking_grace_seconds', 'Parking grace (minutes)', 'Idle time not billed as parking.')}
            {field('minPriceExcl', 'min_price.excl_vat', 'Minimum price excl. VAT')}
            {field('minPriceIncl', 'min_price.incl_vat', 'Minimum price incl. VAT', 'Optional')}
            {field('maxPriceExcl', 'max_price.excl_vat', 'Maximum price excl. VAT')}
            {field('maxPriceIncl', 'max_price.incl_vat', 'Maximum price incl. VAT', 'Optional')}
          </CardContent>
        </Card>
        <FieldError id="tariff-elements-error" errors={errors.elements} />
        {draft.elements.map((element, index) => (
          <TariffElementEditor
            key={index}
            index={index}
            element={element}
            currency={draft.currency || '—'}
            errors={errors}
            readOnly={readOnly}
            onChange={(changed) => setDraft((current) => ({ ...current, elements: current.elements.map((e, i) => (i === index ? changed : e)) }))}
            onRemove={draft.elements.length > 1 ? () => setDraft((current) => ({ ...current, elements: current.elements.filter((_, i) => i !== index) })) : undefined}
          />
        ))}
        {readOnly ? null : (
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" onClick={() => setDraft((current) => ({ ...current, elements: [...current.elements, emptyElement()] }))}>
              Add element
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? 'Saving…' : tariffId ? 'Save new version' : 'Create tariff'}
            </Button>
          </div>
        )}
      </form>
      <PreviewCalculator tariff={tariff} zones={previewZones} defaultZone={previewZone} today={today} />
    </div>
  );
}
