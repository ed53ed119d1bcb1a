'use client';

import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FieldError } from '@/components/ui/field-error';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { DAYS_OF_WEEK, TARIFF_DIMENSIONS, type TariffDimension } from '@/lib/pricing';
import { DEFAULT_STEP, emptyComponent, type ComponentDraft, type ElementDraft, type RestrictionsDraft } from '@/lib/tariffs/tariff-draft';
import { DraftField } from './draft-field';

const DIMENSION_LABELS: Record<TariffDimension, string> = {
  ENERGY: 'Energy (per kWh)',
  TIME: 'Charging time (per hour)',
  PARKING_TIME: 'Parking time (per hour idle)',
  FLAT: 'Session fee (once)',
};
const STEP_HINTS: Record<TariffDimension, string> = { ENERGY: 'Wh', TIME: 'seconds', PARKING_TIME: 'seconds', FLAT: 'ignored' };

interface Props {
  index: number;
  element: ElementDraft;
  currency: string;
  errors: Record<string, string[] | undefined>;
  readOnly: boolean;
  onChange: (element: ElementDraft) => void;
  onRemove?: () => void;
}

/** One tariff element: when it applies (restrictions) and what it charges (price components). */
export function TariffElementEditor({ index, element, currency, errors, readOnly, onChange, onRemove }: Props) {
  const path = `elements.${index}`;
  const setRestriction = (key: keyof RestrictionsDraft) => (value: string) => onChange({ ...element, restrictions: { ...element.restrictions, [key]: value } });
  const setComponent = (at: number, patch: Partial<ComponentDraft>) =>
    onChange({ ...element, components: element.components.map((component, i) => (i === at ? { ...component, ...patch } : component)) });
  const field = (key: keyof RestrictionsDraft, ocpiKey: string, label: string, type?: 'time' | 'date', hint?: string) => (
    <DraftField path={`${path}.restrictions.${ocpiKey}`} label={label} value={element.restrictions[key] as string} onChange={setRestriction(key)} errors={errors} readOnly={readOnly} type={type} hint={hint} />
  );
  const toggleDay = (day: (typeof DAYS_OF_WEEK)[number]) => {
    const days = element.restrictions.days.includes(day) ? element.restrictions.days.filter((d) => d !== day) : [...element.restrictions.days, day];
    onChange({ ...element, restrictions: { ...element.restrictions, days } });
  };
  return (
    <Card data-element={index}>
      <CardHeader className="flex-row items-start justify-between gap-2">
        <div className="space-y-1.5">
          <CardTitle as="h3">Element {index + 1}</CardTitle>
          <CardDescription>Per component type, the first element whose restrictions all match applies. No restrictions: always.</CardDescription>
        </div>
        {onRemove && !readOnly ? (
          <Button variant="ghost" size="sm" onClick={onRemove}>
            Remove element
          </Button>
        ) : null}
      </CardHeader>
      <CardContent className="space-y-6">
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium">Price components</legend>
          <FieldError id={`${path}-components-error`} errors={errors[`${path}.price_components`]} />
          {element.components.map((component, at) => {
            const componentPath = `${path}.price_components.${at}`;
            return (
              <div key={at} className="grid items-end gap-3 rounded-md border p-3 sm:grid-cols-[1.4fr_1fr_1fr_1fr_auto]" data-component={`${index}.${at}`}>
                <div className="space-y-1.5">
                  <Label htmlFor={`tariff-${componentPath.replaceAll('.', '-')}-type`}>Type</Label>
                  <NativeSelect
                    id={`tariff-${componentPath.replaceAll('.', '-')}-type`}
                    value={component.type}
                    disabled={readOnly}
                    onChange={(event) => {
                      const type = event.target.value as TariffDimension;
                      setComponent(at, { type, stepSize: component.stepSize === DEFAULT_STEP[component.type] ? DEFAULT_STEP[type] : component.stepSize });
                    }}
                  >
                    {TARIFF_DIMENSIONS.map((type) => (
                      <option key={type} value={type}>
                        {DIMENSION_LABELS[type]}
                      </option>
                    ))}
                  </NativeSelect>
                </div>
                <DraftField path={`${componentPath}.price`} label={`Price (${currency}, excl. VAT)`} value={component.price} onChange={(price) => setComponent(at, { price })} errors={errors} readOnly={readOnly} />
                <DraftField path={`${componentPath}.vat`} label="VAT %" value={component.vat} onChange={(vat) => setComponent(at, { vat })} errors={errors} readOnly={readOnly} />
                <DraftField path={`${componentPath}.step_size`} label={`Step (${STEP_HINTS[component.type]})`} value={component.stepSize} onChange={(stepSize) => setComponent(at, { stepSize })} errors={errors} readOnly={readOnly} />
                {readOnly || element.components.length === 1 ? <span /> : (
                  <Button variant="ghost" size="sm" onClick={() => onChange({ ...element, components: element.components.filter((_, i) => i !== at) })}>
                    Remove
                  </Button>
                )}
              </div>
            );
          })}
          {readOnly ? null : (
            <Button variant="outline" size="sm" onClick={() => onChange({ ...element, components: [...element.components, emptyComponent('FLAT')] })}>
              Add price component
            </Button>
          )}
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium">Applies when (site&apos;s local time)</legend>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {field('startTime', 'start_time', 'From time', 'time')}
            {field('endTime', 'end_time', 'Until time', 'time', 'Before 24:00; may wrap past midnight.')}
            {field('startDate', 'start_date', 'From date', 'date')}
            {field('endDate', 'end_date', 'Until date (excl.)', 'date')}
            {field('minKwh', 'min_kwh', 'Min energy so far (kWh)')}
            {field('maxKwh', 'max_kwh', 'Max energy so far (kWh)')}
            {field('minPowerKw', 'min_power', 'Min power (kW)')}
            {field('maxPowerKw', 'max_power', 'Max power (kW)')}
            {field('minDurationMin', 'min_duration', 'Min duration (minutes)')}
            {field('maxDurationMin', 'max_duration', 'Max duration (minutes)')}
          </div>
          <div role="group" aria-label={`Days of element ${index + 1}`} className="flex flex-wrap gap-3">
            {DAYS_OF_WEEK.map((day) => (
              <label key={day} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" className="size-4" checked={element.restrictions.days.includes(day)} disabled={readOnly} onChange={() => toggleDay(day)} />
                {day.slice(0, 1) + day.slice(1, 3).toLowerCase()}
              </label>
            ))}
            <span className="text-xs text-muted-foreground">None ticked: every day.</span>
          </div>
          <FieldError id={`${path}-days-error`} errors={errors[`${path}.restrictions.day_of_week`]} />
        </fieldset>
      </CardContent>
    </Card>
  );
}
