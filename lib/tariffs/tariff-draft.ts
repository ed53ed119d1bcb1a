import { DAYS_OF_WEEK, type DayOfWeek, type Tariff, type TariffDimension } from '../pricing';

/*
 * The tariff editor's state: what the inputs show (text, so a half-typed number stays as typed),
 * converted to the OCPI object on every change. Fields the editor has no input for (OCPI identity,
 * alt texts, energy mix, min/max current, …) ride along untouched in `base`, so saving from the UI
 * never drops what a REST client set. Pure: runs in the browser and on the server.
 */

export interface ComponentDraft {
  type: TariffDimension;
  price: string;
  vat: string;
  stepSize: string;
}

export interface RestrictionsDraft {
  startTime: string;
  endTime: string;
  days: DayOfWeek[];
  startDate: string;
  endDate: string;
  minKwh: string;
  maxKwh: string;
  minPowerKw: string;
  maxPowerKw: string;
  /** Minutes in the editor, seconds in OCPI. */
  minDurationMin: string;
  maxDurationMin: string;
}

export interface ElementDraft {
  components: ComponentDraft[];
  restrictions: RestrictionsDraft;
  /** The element's restrictions as loaded, for the keys without an input. */
  baseRestrictions: Record<string, unknown>;
}

export interface TariffDraft {
  currency: string;
  graceMinutes: string;
  minPriceExcl: string;
  minPriceIncl: string;
  maxPriceExcl: string;
  maxPriceIncl: string;
  elements: ElementDraft[];
  base: Record<string, unknown>;
}

/** The default step per dimension: 1 Wh, 1 s; FLAT ignores it (OCPI requires one). */
export const DEFAULT_STEP: Record<TariffDimension, string> = { ENERGY: '1', TIME: '60', PARKING_TIME: '60', FLAT: '1' };

const text = (value: number | string | undefined | null) => (value === undefined || value === null ? '' : String(value));
const minutes = (seconds: number | undefined) => (seconds === undefined ? '' : String(seconds / 60));

export const emptyRestrictions = (): RestrictionsDraft => ({
  startTime: '', endTime: '', days: [], startDate: '', endDate: '', minKwh: '', maxKwh: '',
  minPowerKw: '', maxPowerKw: '', minDurationMin: '', maxDurationMin: '',
});

export const emptyComponent = (type: TariffDimension = 'ENERGY'): ComponentDraft => ({ type, price: '', vat: '', stepSize: DEFAULT_STEP[type] });

export const emptyElement = (): ElementDraft => ({ components: [emptyComponent()], restrictions: emptyRestrictions(), baseRestrictions: {} });

export function emptyDraft(currency = 'EUR'): TariffDraft {
  return { currency, graceMinutes: '', minPriceExcl: '', minPriceIncl: '', maxPriceExcl: '', maxPriceIncl: '', elements: [emptyElement()], base: {} };
}

export function draftFromTariff(tariff: Tariff): TariffDraft {
  return {
    currency: tariff.currency,
    graceMinutes: minutes(tariff.parking_grace_seconds),
    minPriceExcl: text(tariff.min_price?.excl_vat),
    minPriceIncl: text(tariff.min_price?.incl_vat),
    maxPriceExcl: text(tariff.max_price?.excl_vat),
    maxPriceIncl: text(tariff.max_price?.incl_vat),
    elements: tariff.elements.map((element) => {
      const r = element.restrictions ?? {};
      return {
        components: element.price_components.map((c) => ({ type: c.type, price: text(c.price), vat: text(c.vat), stepSize: text(c.step_size) })),
        restrictions: {
          startTime: r.start_time ?? '',
          endTime: r.end_time ?? '',
          days: DAYS_OF_WEEK.filter((day) => r.day_of_week?.includes(day)),
          startDate: r.start_date ?? '',
          endDate: r.end_date ?? '',
          minKwh: text(r.min_kwh),
          maxKwh: text(r.max_kwh),
          minPowerKw: text(r.min_power),
          maxPowerKw: text(r.max_power),
          minDurationMin: minutes(r.min_duration),
          maxDurationMin: minutes(r.max_duration),
        },
        baseRestrictions: { ...r },
      };
    }),
    base: { ...tariff },
  };
}

/** '' → absent; '0,30' and '0.30' → 0.3; anything else → NaN, which the schema reports on the field. */
export function parseDecimal(value: string): number | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : Number(trimmed.replace(',', '.'));
}

const parseMinutes = (value: string) => {
  const number = parseDecimal(value);
  return number === undefined ? undefined : Math.round(number * 60);
};

/** Sets `key` when the value is present, deletes it otherwise. */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete target[key];
  else target[key] = value;
}

function price(excl: string, incl: string): Record<string, unknown> | undefined {
  const exclVat = parseDecimal(excl);
  const inclVat = parseDecimal(incl);
  if (exclVat === undefined && inclVat === undefined) return undefined;
  return inclVat === undefined ? { excl_vat: exclVat } : { excl_vat: exclVat, incl_vat: inclVat };
}

function restrictionsFromDraft(element: ElementDraft): Record<string, unknown> | undefined {
  const r = element.restrictions;
  const out: Record<string, unknown> = { ...element.baseRestrictions };
  put(out, 'start_time', r.startTime);
  put(out, 'end_time', r.endTime);
  put(out, 'day_of_week', r.days.length === DAYS_OF_WEEK.length ? [] : DAYS_OF_WEEK.filter((day) => r.days.includes(day)));
  put(out, 'start_date', r.startDate);
  put(out, 'end_date', r.endDate);
  put(out, 'min_kwh', parseDecimal(r.minKwh));
  put(out, 'max_kwh', parseDecimal(r.maxKwh));
  put(out, 'min_power', parseDecimal(r.minPowerKw));
  put(out, 'max_power', parseDecimal(r.maxPowerKw));
  put(out, 'min_duration', parseMinutes(r.minDurationMin));
  put(out, 'max_duration', parseMinutes(r.maxDurationMin));
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The OCPI Tariff object the draft describes (unchecked: validate with tariffSchema). */
export function tariffFromDraft(draft: TariffDraft): Record<string, unknown> {
  const tariff: Record<string, unknown> = { ...draft.base };
  tariff.currency = draft.currency.trim().toUpperCase();
  put(tariff, 'parking_grace_seconds', parseMinutes(draft.graceMinutes));
  put(tariff, 'min_price', price(draft.minPriceExcl, draft.minPriceIncl));
  put(tariff, 'max_price', price(draft.maxPriceExcl, draft.maxPriceIncl));
  tariff.elements = draft.elements.map((element) => {
    const out: Record<string, unknown> = {
      price_components: element.components.map((c) => {
        const component: Record<string, unknown> = { type: c.type, price: parseDecimal(c.price) ?? Number.NaN, step_size: parseDecimal(c.stepSize) ?? Number.NaN };
        put(component, 'vat', parseDecimal(c.vat));
        return component;
      }),
    };
    put(out, 'restrictions', restrictionsFromDraft(element));
    return out;
  });
  return tariff;
}
