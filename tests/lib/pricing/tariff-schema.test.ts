import { describe, expect, it } from 'vitest';
import { ocpiTariffSchema, tariffSchema } from '@/lib/pricing';

/** The complex tariff example of OCPI 2.2.1, as a full OCPI object (identity fields included). */
const ocpiComplexTariff = {
  country_code: 'DE',
  party_id: 'ALL',
  id: '14',
  currency: 'EUR',
  type: 'REGULAR',
  tariff_alt_url: 'https://company.com/tariffs/14',
  elements: [
    { price_components: [{ type: 'FLAT', price: 2.5, vat: 15.0, step_size: 1 }] },
    { price_components: [{ type: 'TIME', price: 1.0, vat: 20.0, step_size: 900 }], restrictions: { max_current: 32.0 } },
    {
      price_components: [{ type: 'PARKING_TIME', price: 5.0, vat: 10.0, step_size: 300 }],
      restrictions: { start_time: '09:00', end_time: '18:00', day_of_week: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] },
    },
  ],
  min_price: { excl_vat: 0.5, incl_vat: 0.55 },
  max_price: { excl_vat: 25, incl_vat: 27.5 },
  start_date_time: '2019-06-01T00:00:00Z',
  end_date_time: '2019-06-30T23:59:59',
  last_updated: '2015-06-29T20:39:09Z',
};

const minimal = { currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: 0.25, step_size: 1 }] }] };

/** The REST layer turns the first issue's path into `field`. */
function firstIssue(body: unknown): { field: string; message: string } | undefined {
  const result = tariffSchema.safeParse(body);
  const issue = result.error?.issues[0];
  return issue && { field: issue.path.map(String).join('.'), message: issue.message };
}

const withElement = (element: object) => ({ currency: 'EUR', elements: [element] });
const withRestrictions = (restrictions: object) => withElement({ price_components: [{ type: 'TIME', price: 1, step_size: 60 }], restrictions });

describe('tariff schema (OCPI 2.2.1 Tariff + our extension)', () => {
  it('accepts a full OCPI 2.2.1 tariff object, with both schemas', () => {
    expect(ocpiTariffSchema.parse(ocpiComplexTariff)).toEqual(ocpiComplexTariff);
    expect(tariffSchema.parse(ocpiComplexTariff)).toEqual(ocpiComplexTariff);
  });

  it('accepts our parking_grace_seconds, which the pure OCPI schema rejects', () => {
    const ours = { ...minimal, parking_grace_seconds: 900 };
    expect(tariffSchema.parse(ours).parking_grace_seconds).toBe(900);
    expect(ocpiTariffSchema.safeParse(ours).error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['parking_grace_seconds'] });
  });

  it.each([
    [{ ...minimal, currency: 'eur' }, 'currency', /ISO 4217/],
    [{ ...minimal, currency: 'EUT' }, 'currency', /not an ISO 4217/],
    [{ currency: 'EUR', elements: [] }, 'elements', /at least one element/],
    [withElement({ price_components: [] }), 'elements.0.price_components', /at least one price component/],
    [withElement({ price_components: [{ type: 'KWH', price: 1, step_size: 1 }] }), 'elements.0.price_components.0.type', /./],
    [withElement({ price_components: [{ type: 'ENERGY', price: -0.1, step_size: 1 }] }), 'elements.0.price_components.0.price', /≥ 0/],
    [withElement({ price_components: [{ type: 'ENERGY', price: 0.12345, step_size: 1 }] }), 'elements.0.price_components.0.price', /4 decimals/],
    [withElement({ price_components: [{ type: 'ENERGY', price: 0.25, step_size: 0 }] }), 'elements.0.price_components.0.step_size', /./],
    [withElement({ price_components: [{ type: 'TIME', price: 1, step_size: 1.5 }] }), 'elements.0.price_components.0.step_size', /whole number/],
    [withElement({ price_components: [{ type: 'ENERGY', price: 0.25, vat: 120, step_size: 1 }] }), 'elements.0.price_components.0.vat', /≤ 100/],
    [withElement({ price_components: [{ type: 'ENERGY', price: 0.25 }] }), 'elements.0.price_components.0.step_size', /./],
    [withRestrictions({ start_time: '7:00' }), 'elements.0.restrictions.start_time', /HH:MM/],
    [withRestrictions({ end_time: '24:00' }), 'elements.0.restrictions.end_time', /HH:MM/],
    [withRestrictions({ start_time: '10:00', end_time: '10:00' }), 'elements.0.restrictions.end_time', /differ/],
    [withRestrictions({ start_date: '2025-02-30' }), 'elements.0.restrictions.start_date', /calendar date/],
    [withRestrictions({ start_date: '2025-03-01', end_date: '2025-03-01' }), 'elements.0.restrictions.end_date', /greater than start_date/],
    [withRestrictions({ min_kwh: 20, max_kwh: 10 }), 'elements.0.restrictions.max_kwh', /greater than min_kwh/],
    [withRestrictions({ min_power: 22, max_power: 11 }), 'elements.0.restrictions.max_power', /greater than min_power/],
    [withRestrictions({ min_duration: 3600, max_duration: 1800 }), 'elements.0.restrictions.max_duration', /greater than min_duration/],
    [withRestrictions({ min_duration: 1.5 }), 'elements.0.restrictions.min_duration', /whole number/],
    [withRestrictions({ day_of_week: ['MON'] }), 'elements.0.restrictions.day_of_week.0', /./],
    [withElement({ price_components: [{ type: 'TIME', price: 1, step_size: 60 }], tariff_restrictions: { max_kwh: 1 } }), 'elements.0', /tariff_restrictions/],
    [{ ...minimal, max_price: { excl_vat: 10, incl_vat: 9 } }, 'max_price.incl_vat', /≥ excl_vat/],
    [{ ...minimal, min_price: { excl_vat: 10 }, max_price: { excl_vat: 5 } }, 'max_price.excl_vat', /min_price/],
    [{ ...minimal, start_date_time: '2025-06-01T10:00:00+02:00' }, 'start_date_time', /UTC/],
    [{ ...minimal, start_date_time: '2025-06-02T00:00:00Z', end_date_time: '2025-06-01T00:00:00Z' }, 'end_date_time', /after/],
    [{ ...minimal, parking_grace_seconds: -1 }, 'parking_grace_seconds', /./],
  ])('rejects %j naming the field %s', (body, field, message) => {
    const issue = firstIssue(body);
    expect(issue?.field).toBe(field);
    expect(issue?.message).toMatch(message);
  });

  it('wraps start_time past midnight and leaves reservation elements in (they never price a session)', () => {
    const parsed = tariffSchema.parse(withRestrictions({ start_time: '22:00', end_time: '06:00', reservation: 'RESERVATION' }));
    expect(parsed.elements[0]!.restrictions).toEqual({ start_time: '22:00', end_time: '06:00', reservation: 'RESERVATION' });
  });
});
