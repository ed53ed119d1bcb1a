'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { describeCost, formatMinorUnits, localDateTimeToInstant, previewCost, tariffSchema, type SessionCost } from '@/lib/pricing';
import { parseDecimal } from '@/lib/tariffs/tariff-draft';

interface Inputs {
  powerKw: string;
  hours: string;
  date: string;
  time: string;
  idleMinutes: string;
  timeZone: string;
}

type Outcome = { cost: SessionCost } | { problem: string };

/** Prices the synthetic session in the browser with the same engine that prices real sessions. */
function compute(tariff: unknown, inputs: Inputs): Outcome {
  const parsed = tariffSchema.safeParse(tariff);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { problem: `Fix the tariff first: ${issue.path.join('.') || 'tariff'} ${issue.message}` };
  }
  const [powerKw, hours, idleMinutes] = [parseDecimal(inputs.powerKw), parseDecimal(inputs.hours), parseDecimal(inputs.idleMinutes) ?? 0];
  if (powerKw === undefined || hours === undefined) return { problem: 'Enter a power and a duration.' };
  try {
    const startsAt = localDateTimeToInstant(`${inputs.date}T${inputs.time}`, inputs.timeZone);
    return { cost: previewCost(parsed.data, { startsAt, timeZone: inputs.timeZone, powerKw, chargingMinutes: hours * 60, idleMinutes }) };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

export function PreviewCalculator({ tariff, zones, defaultZone, today }: { tariff: unknown; zones: string[]; defaultZone: string; today: string }) {
  const [inputs, setInputs] = useState<Inputs>({ powerKw: '22', hours: '2', date: today, time: '18:00', idleMinutes: '30', timeZone: defaultZone });
  const set = (key: keyof Inputs) => (event: { target: { value: string } }) => setInputs((current) => ({ ...current, [key]: event.target.value }));
  const outcome = compute(tariff, inputs);
  const input = (key: keyof Inputs, label: string, type = 'text') => (
    <div className="space-y-1.5">
      <Label htmlFor={`preview-${key}`}>{label}</Label>
      <Input id={`preview-${key}`} type={type} inputMode={type === 'text' ? 'decimal' : undefined} value={inputs[key]} onChange={set(key)} />
    </div>
  );
  return (
    <Card aria-labelledby="preview-title">
      <CardHeader>
        <CardTitle id="preview-title">Preview</CardTitle>
        <CardDescription>What a session would cost under the tariff as edited above: charging at constant power, then idle (parking).</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {input('powerKw', 'Power (kW)')}
          {input('hours', 'Charging (hours)')}
          {input('idleMinutes', 'Then idle (minutes)')}
          {input('date', 'Start date', 'date')}
          {input('time', 'Start time', 'time')}
          <div className="space-y-1.5">
            <Label htmlFor="preview-timeZone">Time zone</Label>
            <NativeSelect id="preview-timeZone" value={inputs.timeZone} onChange={set('timeZone')}>
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </NativeSelect>
          </div>
        </div>
        {'problem' in outcome ? <Alert variant="info">{outcome.problem}</Alert> : <PreviewBreakdown cost={outcome.cost} />}
      </CardContent>
    </Card>
  );
}

function PreviewBreakdown({ cost }: { cost: SessionCost }) {
  const { rows } = describeCost(cost);
  const money = (amount: number) => formatMinorUnits(amount, cost.currency);
  return (
    <div className="space-y-3" aria-live="polite">
      <Table aria-label="Preview breakdown">
        <THead>
          <Tr>
            <Th>Component</Th>
            <Th>Volume × price</Th>
            <Th>Net</Th>
            <Th>VAT</Th>
            <Th>Gross</Th>
          </Tr>
        </THead>
        <TBody>
          {rows.map((row, index) => (
            <Tr key={index}>
              <Td className="font-medium">{row.label}</Td>
              <Td className="text-muted-foreground">{row.detail}</Td>
              <Td className="tabular-nums">{row.net}</Td>
              <Td className="tabular-nums">{row.vat || '—'}</Td>
              <Td className="tabular-nums">{row.gross}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {cost.minMaxAdjustment ? (
        <p className="text-sm text-muted-foreground">
          {cost.minMaxAdjustment.reason === 'MAX_PRICE' ? 'Maximum' : 'Minimum'} price applied: {money(cost.minMaxAdjustment.gross)} incl. VAT.
        </p>
      ) : null}
      <p className="text-lg font-semibold" data-preview-gross={money(cost.gross)}>
        Total {money(cost.gross)} <span className="text-sm font-normal text-muted-foreground">incl. VAT ({money(cost.net)} excl. VAT + VAT {money(cost.vat)})</span>
      </p>
    </div>
  );
}
