import { describe, expect, it } from 'vitest';
import { priceSession, type SessionTimeline, type Tariff } from '@/lib/pricing';
import { buildTimeline, energy, flat, parking, tariff, time, type Segment } from './build-timeline';

/*
 * The tariff examples of OCPI 2.2.1 (mod_tariffs §11.3.1 "Examples", the step_size and restriction
 * examples in §11.4, and the step_size examples in mod_cdrs §10.4.1), looked up in the ocpi/ocpi
 * repository. Every expected amount is computed by hand in the comment next to it, in cents, with the
 * rule of lib/pricing/cost-lines.ts (each line rounded half-up, VAT per line). Where the spec's own
 * total disagrees with its rules, the comment says so and why.
 */

const BERLIN = 'Europe/Berlin';
const MONDAY = '2025-06-02';
const SATURDAY = '2025-06-07';
const FRIDAY = '2025-06-06';

const only = (...price_components: object[]) => ({ currency: 'EUR', elements: [{ price_components }] });
const at = (local: string, segments: Segment[]): SessionTimeline => buildTimeline(local, BERLIN, segments);

const stepSizeTariff = tariff({
  // tariff_14_step_size.json
  currency: 'EUR',
  elements: [
    { price_components: [time(1.2, undefined, 1800), parking(1, undefined, 900)], restrictions: { start_time: '00:00', end_time: '17:00' } },
    { price_components: [time(2.4, undefined, 900), parking(1, undefined, 900)], restrictions: { start_time: '17:00', end_time: '20:00' } },
    { price_components: [time(2.4, undefined, 900)], restrictions: { start_time: '20:00', end_time: '23:59' } },
  ],
});

const complexTariff = tariff({
  // tariff_4_complex.json
  currency: 'EUR',
  type: 'REGULAR',
  elements: [
    { price_components: [flat(2.5, 15)] },
    { price_components: [time(1, 20, 900)], restrictions: { max_current: 32 } },
    { price_components: [time(2, 20, 600)], restrictions: { min_current: 32, day_of_week: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] } },
    { price_components: [time(1.25, 20, 600)], restrictions: { min_current: 32, day_of_week: ['SATURDAY', 'SUNDAY'] } },
    { price_components: [parking(5, 10, 300)], restrictions: { start_time: '09:00', end_time: '18:00', day_of_week: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] } },
    { price_components: [parking(6, 10, 300)], restrictions: { start_time: '10:00', end_time: '17:00', day_of_week: ['SATURDAY'] } },
  ],
});

/** Ours, not a spec example: 0.20 €/kWh from 22:00 to 06:00, 0.30 otherwise, 19 % VAT. */
const dayNight = tariff({
  currency: 'EUR',
  elements: [{ price_components: [energy(0.2, 19)], restrictions: { start_time: '22:00', end_time: '06:00' } }, { price_components: [energy(0.3, 19)] }],
});

const firstHourFree = [
  { price_components: [energy(0, undefined, 1)], restrictions: { max_kwh: 1 } },
  { price_components: [energy(0.2, undefined, 1)], restrictions: { min_kwh: 1 } },
];

interface Example {
  name: string;
  tariff: Tariff;
  session: SessionTimeline;
  net: number;
  gross: number;
}

const examples: Example[] = [
  // 20 kWh × 0.25 = 500; VAT 10 % = 50.
  { name: 'simple 0.25 €/kWh', tariff: tariff(only(energy(0.25, 10))), session: at(`${MONDAY}T10:00`, [{ minutes: 120, wh: 20_000 }]), net: 500, gross: 550 },
  // + start fee 50 with VAT 20 % = 10: 550 / 610.
  { name: '0.25 €/kWh + start fee', tariff: tariff(only(flat(0.5, 20), energy(0.25, 10))), session: at(`${MONDAY}T10:00`, [{ minutes: 120, wh: 20_000 }]), net: 550, gross: 610 },
  // Energy 500 + 50; start 50 + 10; parking 40 min billed as 45 (step 900 s) × 2.00 = 150 + 30: 700 / 790.
  {
    name: '0.25 €/kWh + parking fee + start fee',
    tariff: tariff(only(flat(0.5, 20), energy(0.25, 10), parking(2, 20, 900))),
    session: at(`${MONDAY}T10:00`, [{ minutes: 120, wh: 20_000 }, { minutes: 40, idle: true }]),
    net: 700,
    gross: 790,
  },
  // 30 kWh: 750 + 75, start 50 + 10: 800 / 885, under the 10.00 / 11.00 cap.
  {
    name: '0.25 €/kWh + start fee + max price, 30 kWh',
    tariff: tariff({ ...only(flat(0.5, 20), energy(0.25, 10)), max_price: { excl_vat: 10, incl_vat: 11 }, end_date_time: '2019-06-30T23:59:59Z' }),
    session: at(`${MONDAY}T10:00`, [{ minutes: 180, wh: 30_000 }]),
    net: 800,
    gross: 885,
  },
  // 2.5 h × 2.00 = 500 (step 60 s: 150 min exactly); VAT 10 % = 50.
  { name: 'simple 2 €/hour', tariff: tariff(only(time(2, 10, 60))), session: at(`${MONDAY}T10:00`, [{ minutes: 150, kw: 11 }]), net: 500, gross: 550 },
  // Charging 150 min × 3.00 = 750 + 75; parking 42 min billed 45 (step 300) × 5.00 = 375 + 75: 1125 / 1275.
  {
    name: '3 €/hour charging, 5 €/hour parking',
    tariff: tariff(only(time(3, 10, 60), parking(5, 20, 300))),
    session: at(`${MONDAY}T10:00`, [{ minutes: 150, kw: 11 }, { minutes: 42, idle: true }]),
    net: 1125,
    gross: 1275,
  },
  // Ad-hoc: 2.5 h × 1.90 = 475; VAT 5.2 % = 24.7 → 25: 500 ("2.00 euro p/hour including VAT").
  {
    name: 'ad-hoc tariff with alternative text',
    tariff: tariff({
      ...only(time(1.9, 5.2, 300)),
      type: 'AD_HOC_PAYMENT',
      tariff_alt_text: [{ language: 'en', text: '2.00 euro p/hour including VAT.' }, { language: 'nl', text: '2.00 euro p/uur inclusief BTW.' }],
    }),
    session: at(`${MONDAY}T10:00`, [{ minutes: 150, kw: 7 }]),
    net: 475,
    gross: 500,
  },
  // Alternative URL, real-time price 0.22 €/kWh, step 100 Wh: 20.45 kWh billed as 20.5 = 451; VAT 45.1 → 45: 496.
  // (At the announced 0.25 €/kWh the same rule gives 512.5 → 513 + 51 = 564; the spec's "5.50 / 6.05"
  // there does not follow from its own 20.5 kWh.)
  { name: 'per 0.1 kWh (alternative URL)', tariff: tariff(only(energy(0.22, 10, 100))), session: at(`${MONDAY}T10:00`, [{ minutes: 120, wh: 20_450 }]), net: 451, gross: 496 },
  { name: 'per 0.1 kWh at 0.25', tariff: tariff(only(energy(0.25, 10, 100))), session: at(`${MONDAY}T10:00`, [{ minutes: 120, wh: 20_450 }]), net: 513, gross: 564 },
  // Complex, Monday 09:30, 147 min at 16 A, then 42 min parked: start 250 + 38 (37.5); charging 147 min × 1.00
  // = 245 + 49 (not rounded: parking follows, mod_cdrs step_size rule); parking 11:57–12:39, weekday
  // 09–18, 45 min × 5.00 = 375 + 38 (37.5): 870 / 995. The spec text (8.75 / 10.00) also rounds the
  // charging time to 150 min, against its own CDR rule (ocpi/ocpi#396).
  {
    name: 'complex tariff, Monday morning',
    tariff: complexTariff,
    session: at(`${MONDAY}T09:30`, [{ minutes: 147, kw: 11, currentA: 16 }, { minutes: 42, idle: true }]),
    net: 870,
    gross: 995,
  },
  // Saturday 13:30, 114 min at 43 A, 71 min parked: start 250 + 38; charging 114 min × 1.25 = 237.5 → 238
  // + 47.6 → 48; parking 15:24–16:35 (Saturday 10–17) billed 75 min × 6.00 = 750 + 75: 1238 / 1399.
  // The 2.2.1-bugfixes text gives 12.375 excl. VAT, the same before rounding to cents.
  {
    name: 'complex tariff, Saturday afternoon',
    tariff: complexTariff,
    session: at(`${SATURDAY}T13:30`, [{ minutes: 114, kw: 22, currentA: 43 }, { minutes: 71, idle: true }]),
    net: 1238,
    gross: 1399,
  },
  { name: 'free of charge', tariff: tariff(only({ type: 'FLAT', price: 0, step_size: 1 })), session: at(`${MONDAY}T10:00`, [{ minutes: 60, kw: 11 }]), net: 0, gross: 0 },
  // max_power: 1 kWh at 6 kW and 0.5 kWh at 4 kW below 16 kW: 1.5 × 0.20 = 30 + 6; 40 kWh at 48 kW falls
  // to the fallback: 40 × 0.50 = 2000 + 400. 2030 / 2436 (the spec's 20.30 excl. VAT).
  {
    name: 'max_power restriction',
    tariff: tariff({
      currency: 'EUR',
      elements: [
        { price_components: [energy(0.2, 20)], restrictions: { max_power: 16 } },
        { price_components: [energy(0.35, 20)], restrictions: { max_power: 32 } },
        { price_components: [energy(0.5, 20)] },
      ],
    }),
    session: at(`${MONDAY}T10:00`, [{ minutes: 10, kw: 6 }, { minutes: 50, kw: 48 }, { minutes: 7.5, kw: 4 }]),
    net: 2030,
    gross: 2436,
  },
  // max_duration: 5 kWh in the first 30 min free, 1.2 kWh in the next 10 min × 0.25 = 30 + 6 (the spec's 0.30).
  {
    name: 'max_duration restriction',
    tariff: tariff({
      currency: 'EUR',
      elements: [
        { price_components: [energy(0, 20)], restrictions: { max_duration: 1800 } },
        { price_components: [energy(0.25, 20)], restrictions: { max_duration: 3600 } },
        { price_components: [energy(0.4, 20)] },
      ],
    }),
    session: at(`${MONDAY}T10:00`, [{ minutes: 30, wh: 5000 }, { minutes: 10, wh: 1200 }]),
    net: 30,
    gross: 36,
  },
  // Day/night: 21:00–23:00 at 11 kW, 22:00–06:00 costs 0.20, else 0.30:
  // 11 kWh × 0.30 = 330 + 62.7 → 63; 11 kWh × 0.20 = 220 + 41.8 → 42: 550 / 655.
  {
    name: 'day/night, switching at 22:00',
    tariff: dayNight,
    session: at(`${MONDAY}T21:00`, [{ minutes: 120, kw: 11 }]),
    net: 550,
    gross: 655,
  },
  // Night across midnight: 23:00–07:00 at 3 kW, one meter interval: 23–06 = 21 kWh × 0.20 = 420 + 79.8 → 80;
  // 06–07 = 3 kWh × 0.30 = 90 + 17.1 → 17: 510 / 607.
  {
    name: 'day/night across midnight',
    tariff: dayNight,
    session: at(`${MONDAY}T23:00`, [{ minutes: 480, kw: 3 }]),
    net: 510,
    gross: 607,
  },
  // Weekend (ours): Friday 23:00–Saturday 01:00, 2.00 €/h on weekdays, 1.00 €/h at the weekend: 200 + 100.
  {
    name: 'weekend rate from Saturday 00:00',
    tariff: tariff({
      currency: 'EUR',
      elements: [{ price_components: [time(1, undefined, 60)], restrictions: { day_of_week: ['SATURDAY', 'SUNDAY'] } }, { price_components: [time(2, undefined, 60)] }],
    }),
    session: at(`${FRIDAY}T23:00`, [{ minutes: 120, kw: 11 }]),
    net: 300,
    gross: 300,
  },
];

describe('OCPI 2.2.1 tariff examples', () => {
  it.each(examples)('$name: net $net, gross $gross', ({ tariff: t, session, net, gross }) => {
    const cost = priceSession(t, session);
    expect({ net: cost.net, gross: cost.gross, vat: cost.vat }).toEqual({ net, gross, vat: gross - net });
    expect(cost.lines.reduce((sum, line) => sum + line.net, 0) + (cost.minMaxAdjustment?.net ?? 0)).toBe(net);
  });

  it('bills the parking step on the parking line: 40 min parked are 45 min billed', () => {
    const cost = priceSession(examples[2]!.tariff, examples[2]!.session);
    expect(cost.lines.find((line) => line.component === 'PARKING_TIME')).toMatchObject({ volume: 2700, roundedUpBy: 300, net: 150, vat: 30 });
  });

  it('min_price: 20 kWh cost their price, 1 kWh is raised to 0.50 / 0.55', () => {
    const minPrice = tariff({ ...only(energy(0.25, 10)), min_price: { excl_vat: 0.5, incl_vat: 0.55 } });
    expect(priceSession(minPrice, at(`${MONDAY}T10:00`, [{ minutes: 120, wh: 20_000 }]))).toMatchObject({ net: 500, gross: 550 });
    // 1 kWh: 25 + 2.5 → 3 = 28, raised to 50 / 55.
    const small = priceSession(minPrice, at(`${MONDAY}T10:00`, [{ minutes: 10, wh: 1000 }]));
    expect(small).toMatchObject({ net: 50, vat: 5, gross: 55, minMaxAdjustment: { reason: 'MIN_PRICE', net: 25, vat: 2, gross: 27 } });
  });

  it('max_price: 50 kWh cost 10.00 / 11.00, the adjustment says by how much', () => {
    // Lines: energy 1250 + 125, start 50 + 10 = 1300 / 1435; capped to 1000 / 1100.
    const cost = priceSession(examples[3]!.tariff, at(`${MONDAY}T10:00`, [{ minutes: 300, wh: 50_000 }]));
    expect(cost).toMatchObject({ net: 1000, vat: 100, gross: 1100, minMaxAdjustment: { reason: 'MAX_PRICE', net: -300, vat: -35, gross: -335 } });
  });

  it('first kWh free; first hour of parking free via min/max_duration, read as OCPI defines them', () => {
    // tariff_7 (its JSON spells "tariff_restrictions"; the schema would reject that key). Charging 20 kWh
    // in 60 min, then parked 2.75 h. Durations count from the session start (§11.4.6), so parking runs
    // from 1 h to 3.75 h: 1–3 h at 2.00 = 400, 3–3.75 h at 3.00 = 225; energy 19 kWh × 0.20 = 380: 1005.
    // The spec's 7.30 assumes the hours count from the end of charging (ocpi/ocpi#434: example wrong).
    const durationTiers = tariff({
      currency: 'EUR',
      elements: [
        { price_components: [parking(0, undefined, 60)], restrictions: { min_duration: 0, max_duration: 3600 } },
        { price_components: [parking(2, undefined, 60)], restrictions: { min_duration: 3600, max_duration: 10800 } },
        { price_components: [parking(3, undefined, 60)], restrictions: { min_duration: 10800 } },
        ...firstHourFree,
      ],
    });
    const session = at(`${MONDAY}T10:00`, [{ minutes: 60, wh: 20_000 }, { minutes: 165, idle: true }]);
    expect(priceSession(durationTiers, session)).toMatchObject({ net: 1005, gross: 1005, vat: 0 });
    // Our parking_grace_seconds says "first hour of parking free" directly: 105 min × 2.00 = 350 + 380 = 730.
    const withGrace = tariff({ currency: 'EUR', parking_grace_seconds: 3600, elements: [{ price_components: [parking(2, undefined, 60)] }, ...firstHourFree] });
    expect(priceSession(withGrace, session).net).toBe(730);
  });
});

describe('OCPI 2.2.1 step_size examples', () => {
  const mondayAt = (hhmm: string, segments: Segment[]) => at(`${MONDAY}T${hhmm}`, segments);

  it('#2: 16:35, 35 min charging: 25 min at 1.20 + 20 min at 2.40 (total rounded to 45 min) = 1.30', () => {
    const cost = priceSession(stepSizeTariff, mondayAt('16:35', [{ minutes: 35, kw: 11 }]));
    expect(cost.lines.map((l) => [l.component, l.elementIndex, l.volume, l.net])).toEqual([
      ['TIME', 0, 1500, 50],
      ['TIME', 1, 1200, 80],
    ]);
    expect(cost.net).toBe(130);
  });

  it('#1: 16:55, 10 min charging then 2 min parked: charging exact, parking rounded = 0.55', () => {
    // 5 min × 1.20 = 10, 5 min × 2.40 = 20, parking 2 min → 15 min × 1.00 = 25. The spec text says 0.50
    // by rounding the charging time instead; its CDR rule says only the parking is rounded (ocpi/ocpi#396).
    const cost = priceSession(stepSizeTariff, mondayAt('16:55', [{ minutes: 10, kw: 11 }, { minutes: 2, idle: true }]));
    expect(cost.lines.map((l) => [l.component, l.elementIndex, l.volume, l.net])).toEqual([
      ['TIME', 0, 300, 10],
      ['TIME', 1, 300, 20],
      ['PARKING_TIME', 1, 900, 25],
    ]);
    expect(cost.net).toBe(55);
  });

  it('switching to a free parking element: 19:55, 10 min charging, 2 min parked after 20:00 = 0.60', () => {
    // No element prices parking after 20:00, so no parking is billed and the charging total is rounded:
    // 5 min × 2.40 (element 1) = 20, 5 + 5 min × 2.40 (element 2) = 40. Matches the spec.
    const cost = priceSession(stepSizeTariff, mondayAt('19:55', [{ minutes: 10, kw: 11 }, { minutes: 2, idle: true }]));
    expect(cost.lines.map((l) => [l.component, l.elementIndex, l.volume, l.net])).toEqual([
      ['TIME', 1, 300, 20],
      ['TIME', 2, 600, 40],
    ]);
  });

  it('CDR: 4.3 kWh before 17:00 + 1.1 kWh after, step 500 Wh: 5.5 kWh billed, the extra after 17:00', () => {
    // The spec says "0.20 euro/Wh", meaning per kWh. 4.3 × 0.20 = 86; 1.2 × 0.27 = 32.4 → 32.
    const t = tariff({
      currency: 'EUR',
      elements: [{ price_components: [energy(0.2, undefined, 500)], restrictions: { end_time: '17:00' } }, { price_components: [energy(0.27, undefined, 500)] }],
    });
    const cost = priceSession(t, mondayAt('16:00', [{ minutes: 60, wh: 4300 }, { minutes: 60, wh: 1100 }]));
    expect(cost.lines.map((l) => [l.elementIndex, l.volume, l.roundedUpBy, l.net])).toEqual([
      [0, 4300, 0, 86],
      [1, 1200, 100, 32],
    ]);
  });

  it('CDR: 6 min before 17:00 + 22 min after, step 10 min: 30 min billed, 24 of them after 17:00', () => {
    // 6 min × 5.00 = 50; 24 min × 7.00 = 280.
    const t = tariff({
      currency: 'EUR',
      elements: [{ price_components: [time(5, undefined, 600)], restrictions: { end_time: '17:00' } }, { price_components: [time(7, undefined, 600)] }],
    });
    const cost = priceSession(t, mondayAt('16:54', [{ minutes: 28, kw: 11 }]));
    expect(cost.lines.map((l) => [l.elementIndex, l.volume, l.net])).toEqual([
      [0, 360, 50],
      [1, 1440, 280],
    ]);
  });

  it.each([
    // step 10 min: charging 21 min × 1.00 = 35 (not rounded), parking 16 → 20 min × 2.00 = 66.7 → 67.
    [600, 16, 1200, 102],
    // step 5 min: charging 21 min (not 25) = 35, parking 7 → 10 min × 2.00 = 33.3 → 33.
    [300, 7, 600, 68],
  ])('CDR: charging 21 min then parking, step %i s: only the parking is rounded', (step, parkedMinutes, billedParking, net) => {
    const t = tariff(only(time(1, undefined, step), parking(2, undefined, step)));
    const cost = priceSession(t, mondayAt('10:00', [{ minutes: 21, kw: 11 }, { minutes: parkedMinutes, idle: true }]));
    expect(cost.lines.map((l) => [l.component, l.volume])).toEqual([
      ['TIME', 1260],
      ['PARKING_TIME', billedParking],
    ]);
    expect(cost.net).toBe(net);
  });
});
