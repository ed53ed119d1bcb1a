import type { MeterValueRow } from '../db/schema';
import type { MeterValue, SampledValue } from '../ocpp/v16/types';

/** OCPP 1.6 §7.43 SampledValue defaults, applied so equal samples compare equal. */
const DEFAULT_MEASURAND = 'Energy.Active.Import.Register';
const DEFAULT_CONTEXT = 'Sample.Periodic';
const DEFAULT_LOCATION = 'Outlet';

/** The unit implied by a measurand when none is sent (§7.43 says `Wh` for energy; the rest follow the measurand). */
function impliedUnit(measurand: string): string {
  if (measurand.startsWith('Energy.Active')) return 'Wh';
  if (measurand.startsWith('Energy.Reactive')) return 'varh';
  if (measurand.startsWith('Power.Reactive')) return 'var';
  if (measurand === 'Power.Factor') return '';
  if (measurand.startsWith('Power')) return 'W';
  if (measurand.startsWith('Current')) return 'A';
  if (measurand === 'Voltage') return 'V';
  if (measurand === 'SoC') return 'Percent';
  if (measurand === 'Temperature') return 'Celsius';
  if (measurand === 'Frequency') return 'Hz';
  if (measurand === 'RPM') return 'rpm';
  return 'Wh';
}

/** unit → [normalised unit, conversion, whole number]. Energy to Wh, power to W, temperature to °C. */
const conversions: Record<string, [string, (v: number) => number, boolean]> = {
  Wh: ['Wh', (v) => v, true],
  kWh: ['Wh', (v) => v * 1000, true],
  varh: ['varh', (v) => v, true],
  kvarh: ['varh', (v) => v * 1000, true],
  W: ['W', (v) => v, true],
  kW: ['W', (v) => v * 1000, true],
  VA: ['VA', (v) => v, true],
  kVA: ['VA', (v) => v * 1000, true],
  var: ['var', (v) => v, true],
  kvar: ['var', (v) => v * 1000, true],
  K: ['Celsius', (v) => v - 273.15, false],
  Celsius: ['Celsius', (v) => v, false],
  Celcius: ['Celsius', (v) => v, false], // misspelt in the 1.6 schema enum; stations send both
  Fahrenheit: ['Celsius', (v) => ((v - 32) * 5) / 9, false],
};

export function normalizeValue(raw: string, unit: string): { unit: string; value: number | null } {
  const number = raw.trim() === '' ? NaN : Number(raw);
  const conversion = conversions[unit];
  if (!conversion) return { unit, value: Number.isFinite(number) ? number : null };
  const [normalUnit, convert, whole] = conversion;
  if (!Number.isFinite(number)) return { unit: normalUnit, value: null };
  const value = convert(number);
  return { unit: normalUnit, value: whole ? Math.round(value) : Math.round(value * 1e6) / 1e6 };
}

export interface SampleContext {
  stationId: string;
  connectorId: number;
  transactionId: number | null;
  receivedAt: Date;
}

export function normalizeSampledValue(sample: SampledValue, sampledAt: Date, context: SampleContext): MeterValueRow {
  const measurand = sample.measurand ?? DEFAULT_MEASURAND;
  const format = sample.format ?? 'Raw';
  const rawUnit = sample.unit ?? null;
  const normal = normalizeValue(sample.value, rawUnit ?? impliedUnit(measurand));
  // Listed property by property (no spread): this runs for every sample, and V8 builds it faster.
  return {
    stationId: context.stationId,
    connectorId: context.connectorId,
    transactionId: context.transactionId,
    sampledAt,
    measurand,
    phase: sample.phase ?? null,
    location: sample.location ?? DEFAULT_LOCATION,
    context: sample.context ?? DEFAULT_CONTEXT,
    format,
    unit: normal.unit,
    // SignedData (e.g. OCMF) is an opaque signed blob: kept verbatim in raw_value, no number.
    value: format === 'SignedData' ? null : normal.value,
    rawValue: sample.value.includes('\0') ? sample.value.replaceAll('\0', '') : sample.value, // text cannot hold NUL
    rawUnit,
    receivedAt: context.receivedAt,
  };
}

/** Every sampled value of every MeterValue element, one row each. */
export function normalizeMeterValues(meterValues: MeterValue[], context: SampleContext): MeterValueRow[] {
  return meterValues.flatMap((meterValue) => {
    const sampledAt = new Date(meterValue.timestamp);
    return meterValue.sampledValue.map((sample) => normalizeSampledValue(sample, sampledAt, context));
  });
}
