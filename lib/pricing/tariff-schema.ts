import { z } from 'zod';
import { isKnownCurrency } from './currency';
import { decimalPlaces } from './rational';

/*
 * The OCPI 2.2.1 Tariff object (§11.3.1 Tariff, §11.4 data types) as our REST API accepts it, so that
 * tariffs can be exchanged over OCPI unchanged. Field names are OCPI's (snake_case).
 *
 * OCPI: every field below except `parking_grace_seconds`.
 * Ours: `parking_grace_seconds` (top level of `tariffSchema` only) — OCPI cannot express "the first N
 * minutes of parking are free": its `min_duration` counts from the start of the session, not from the
 * moment charging stops. `ocpiTariffSchema` is the pure OCPI object, without our field.
 *
 * Objects are strict: an unknown key (a typo such as `tariff_restrictions` for `restrictions`) is an
 * error, never silently dropped — a dropped restriction would make an element apply always.
 * Prices are decimals excl. VAT with at most 4 decimals (OCPI §16.4 number: "numbers use 4 decimals").
 */

const decimal = z.number().refine((value) => decimalPlaces(value) <= 4, 'at most 4 decimals');
const nonNegativeDecimal = decimal.refine((value) => value >= 0, 'must be ≥ 0');

/** 24-hour local time with leading zeros, OCPI regex `([0-1][0-9]|2[0-3]):[0-5][0-9]`. */
const localTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be HH:MM (00:00–23:59)');
/** Local date, OCPI regex plus a calendar check (no 2025-02-30). */
const localDate = z
  .string()
  .regex(/^[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, 'must be YYYY-MM-DD')
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'is not a calendar date');
/** OCPI DateTime: RFC 3339 in UTC, the `Z` optional (§16.2). */
const utcDateTime = z.iso.datetime({ local: true, message: 'must be an RFC 3339 UTC date-time' });

export const DAYS_OF_WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export const TARIFF_DIMENSIONS = ['ENERGY', 'FLAT', 'PARKING_TIME', 'TIME'] as const;
export const TARIFF_TYPES = ['AD_HOC_PAYMENT', 'PROFILE_CHEAP', 'PROFILE_FAST', 'PROFILE_GREEN', 'REGULAR'] as const;

export const priceSchema = z
  .strictObject({ excl_vat: nonNegativeDecimal, incl_vat: nonNegativeDecimal.optional() })
  .refine((price) => price.incl_vat === undefined || price.incl_vat >= price.excl_vat, {
    message: 'must be ≥ excl_vat',
    path: ['incl_vat'],
  });

export const priceComponentSchema = z.strictObject({
  type: z.enum(TARIFF_DIMENSIONS),
  /** Per kWh (ENERGY), per hour (TIME, PARKING_TIME) or per session (FLAT), excl. VAT. */
  price: nonNegativeDecimal,
  /** VAT percentage; absent means no VAT applies, which OCPI distinguishes from 0. */
  vat: nonNegativeDecimal.refine((value) => value <= 100, 'must be ≤ 100').optional(),
  /** Wh for ENERGY, seconds for TIME and PARKING_TIME; required by OCPI but ignored for FLAT. */
  step_size: z.number().int('must be a whole number').min(1),
});

/** [lower, upper] pairs that must not be empty: the element could never apply. */
const BOUNDED_PAIRS = [
  ['min_kwh', 'max_kwh'],
  ['min_current', 'max_current'],
  ['min_power', 'max_power'],
  ['min_duration', 'max_duration'],
  ['start_date', 'end_date'],
] as const;

export const tariffRestrictionsSchema = z
  .strictObject({
    start_time: localTime.optional(),
    end_time: localTime.optional(),
    start_date: localDate.optional(),
    end_date: localDate.optional(),
    min_kwh: nonNegativeDecimal.optional(),
    max_kwh: nonNegativeDecimal.optional(),
    min_current: nonNegativeDecimal.optional(),
    max_current: nonNegativeDecimal.optional(),
    min_power: nonNegativeDecimal.optional(),
    max_power: nonNegativeDecimal.optional(),
    min_duration: z.number().int('must be a whole number of seconds').min(0).optional(),
    max_duration: z.number().int('must be a whole number of seconds').min(0).optional(),
    day_of_week: z.array(z.enum(DAYS_OF_WEEK)).optional(),
    /** Accepted for OCPI compatibility; an element with it prices reservations, never a session. */
    reservation: z.enum(['RESERVATION', 'RESERVATION_EXPIRES']).optional(),
  })
  .superRefine((restrictions, ctx) => {
    for (const [lower, upper] of BOUNDED_PAIRS) {
      const from = restrictions[lower];
      const to = restrictions[upper];
      if (from !== undefined && to !== undefined && !(from < to)) {
        ctx.addIssue({ code: 'custom', message: `must be greater than ${lower}`, path: [upper] });
      }
    }
    if (restrictions.start_time !== undefined && restrictions.start_time === restrictions.end_time) {
      ctx.addIssue({ code: 'custom', message: 'must differ from start_time (omit both for all day)', path: ['end_time'] });
    }
  });

export const tariffElementSchema = z.strictObject({
  price_components: z.array(priceComponentSchema).min(1, 'needs at least one price component'),
  restrictions: tariffRestrictionsSchema.optional(),
});

const ocpiTariffShape = {
  // Identity fields of the OCPI object: accepted so a full OCPI Tariff round-trips; the REST layer
  // decides whether it assigns them itself.
  country_code: z.string().length(2).optional(),
  party_id: z.string().length(3).optional(),
  id: z.string().min(1).max(36).optional(),
  last_updated: utcDateTime.optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
    .refine(isKnownCurrency, 'is not an ISO 4217 currency'),
  type: z.enum(TARIFF_TYPES).optional(),
  tariff_alt_text: z.array(z.strictObject({ language: z.string().length(2), text: z.string().min(1).max(512) })).optional(),
  tariff_alt_url: z.url().optional(),
  min_price: priceSchema.optional(),
  max_price: priceSchema.optional(),
  elements: z.array(tariffElementSchema).min(1, 'needs at least one element'),
  start_date_time: utcDateTime.optional(),
  end_date_time: utcDateTime.optional(),
  energy_mix: z.record(z.string(), z.unknown()).optional(),
};

type TariffShape = { min_price?: Price; max_price?: Price; start_date_time?: string; end_date_time?: string };

function checkTariffBounds(tariff: TariffShape, ctx: z.RefinementCtx): void {
  if (tariff.min_price && tariff.max_price && tariff.max_price.excl_vat < tariff.min_price.excl_vat) {
    ctx.addIssue({ code: 'custom', message: 'must be ≥ min_price.excl_vat', path: ['max_price', 'excl_vat'] });
  }
  if (tariff.start_date_time && tariff.end_date_time && !(tariff.start_date_time < tariff.end_date_time)) {
    ctx.addIssue({ code: 'custom', message: 'must be after start_date_time', path: ['end_date_time'] });
  }
}

/** The OCPI 2.2.1 Tariff object only (for exchange with OCPI parties). */
export const ocpiTariffSchema = z.strictObject(ocpiTariffShape).superRefine(checkTariffBounds);

/** What our REST API accepts and the engine prices: the OCPI object plus our documented extension. */
export const tariffSchema = z
  .strictObject({
    ...ocpiTariffShape,
    /** Ours, not OCPI: the first N seconds of idle time in a session are not billed as PARKING_TIME. */
    parking_grace_seconds: z.number().int('must be a whole number of seconds').min(0).max(86_400).optional(),
  })
  .superRefine(checkTariffBounds);

export type Price = z.infer<typeof priceSchema>;
export type PriceComponent = z.infer<typeof priceComponentSchema>;
export type TariffDimension = PriceComponent['type'];
export type TariffRestrictions = z.infer<typeof tariffRestrictionsSchema>;
export type TariffElement = z.infer<typeof tariffElementSchema>;
export type OcpiTariff = z.infer<typeof ocpiTariffSchema>;
export type Tariff = z.infer<typeof tariffSchema>;
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];
