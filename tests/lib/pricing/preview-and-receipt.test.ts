import { describe, expect, it } from 'vitest';
import {
  buildPreviewTimeline,
  deriveChargingPeriods,
  describeCost,
  formatBilledDuration,
  localDateTimeToInstant,
  previewCost,
  priceSession,
} from '@/lib/pricing';
import { buildTimeline, energy, flat, parking, tariff } from './build-timeline';

const BERLIN = 'Europe/Berlin';

/** 0.30 €/kWh, 0.40 from 18:00 to 22:00; 6 €/h parking after 15 free minutes; 19 % VAT. */
const siteTariff = tariff({
  currency: 'EUR',
  parking_grace_seconds: 900,
  elements: [
    { price_components: [energy(0.4, 19)], restrictions: { start_time: '18:00', end_time: '22:00' } },
    { price_components: [energy(0.3, 19), parking(6, 19, 60), flat(0.5, 19)] },
  ],
});

describe('preview calculator', () => {
  const input = { startsAt: localDateTimeToInstant('2025-06-02T18:00', BERLIN), timeZone: BERLIN, powerKw: 22, chargingMinutes: 120, idleMinutes: 30 };

  it('"22 kW for 2 h starting 18:00, 30 min idle" → breakdown and total, computed by hand', () => {
    // Start fee 50 + 9.5 → 10; 44 kWh × 0.40 = 1760 + 334.4 → 334; parking 30 − 15 min grace = 15 min × 6.00
    // = 150 + 28.5 → 29 (half-up). Net 1960, VAT 373, gross 2333.
    const cost = previewCost(siteTariff, input);
    expect(cost.lines.map((line) => [line.component, line.elementIndex, line.volume, line.net, line.vat])).toEqual([
      ['FLAT', 1, 1, 50, 10],
      ['ENERGY', 0, 44_000, 1760, 334],
      ['PARKING_TIME', 1, 900, 150, 29],
    ]);
    expect(cost).toMatchObject({ net: 1960, vat: 373, gross: 2333, isFinal: true });
  });

  it('is an ordinary timeline: constant power, then a reported idle period', () => {
    expect(buildPreviewTimeline({ ...input, powerKw: 3.7, chargingMinutes: 10 })).toEqual({
      startedAt: new Date('2025-06-02T16:00:00Z'),
      stoppedAt: new Date('2025-06-02T16:40:00Z'),
      timeZone: BERLIN,
      meterStartWh: 0,
      // 3.7 kW × 10 min = 616.67 Wh, rounded like a meter register.
      meterSamples: [
        { at: new Date('2025-06-02T16:10:00Z'), energyWh: 617 },
        { at: new Date('2025-06-02T16:40:00Z'), energyWh: 617 },
      ],
      idlePeriods: [{ from: new Date('2025-06-02T16:10:00Z'), to: new Date('2025-06-02T16:40:00Z') }],
    });
    expect(() => buildPreviewTimeline({ ...input, powerKw: -1 })).toThrow(/powerKw/);
  });
});

describe('describeCost', () => {
  it('explains every line, the rounding and the totals', () => {
    const cost = previewCost(siteTariff, {
      startsAt: localDateTimeToInstant('2025-06-02T21:00', BERLIN),
      timeZone: BERLIN,
      powerKw: 11,
      chargingMinutes: 90,
      idleMinutes: 27.5,
    });
    expect(describeCost(cost).text).toBe(
      [
        'Session fee: once per session, €0.50 · €0.50 · VAT 19%: €0.10',
        'Energy: 11 kWh × €0.40/kWh · €4.40 · VAT 19%: €0.84',
        'Energy: 5.5 kWh × €0.30/kWh · €1.65 · VAT 19%: €0.31',
        'Parking time: 13 min × €6.00/h (incl. 30 s rounded up to the step size) · €1.30 · VAT 19%: €0.25',
        'Total: €7.85 excl. VAT · VAT €1.50 · €9.35 incl. VAT',
      ].join('\n'),
    );
  });

  it('names a min/max price adjustment and a cost that is only so far', () => {
    const capped = tariff({ currency: 'EUR', max_price: { excl_vat: 5 }, elements: [{ price_components: [energy(0.5, 20)] }] });
    const session = buildTimeline('2025-06-02T10:00', BERLIN, [{ minutes: 60, wh: 20_000 }], { live: true });
    const cost = priceSession(capped, session, { now: new Date('2025-06-02T09:00:00Z') });
    // German formatting puts a no-break space before the € sign.
    const text = describeCost(cost, { locale: 'de' }).text.replaceAll('\u00a0', ' ').split('\n');
    // 20 kWh × 0.50 = 10.00 + 2.00; capped to 5.00 excl. VAT, the gross in proportion: 6.00.
    expect(text.slice(-3)).toEqual([
      'Maximum price applied: -5,00 € excl. VAT · -6,00 € incl. VAT',
      'Total: 5,00 € excl. VAT · VAT 1,00 € · 6,00 € incl. VAT',
      'Cost so far, up to 2025-06-02T09:00:00.000Z',
    ]);
  });

  it.each([
    [9000, '2 h 30 min'],
    [2520, '42 min'],
    [75, '1 min 15 s'],
    [0, '0 s'],
  ])('formats %i s as "%s"', (seconds, text) => {
    expect(formatBilledDuration(seconds)).toBe(text);
  });
});

describe('deriveChargingPeriods', () => {
  it('gives the charging and idle periods the engine priced', () => {
    const session = buildTimeline('2025-06-02T10:00', BERLIN, [
      { minutes: 30, kw: 11 },
      { minutes: 30, kw: 7 },
      { minutes: 20, idle: true },
      { minutes: 10, kw: 3 },
    ]);
    expect(deriveChargingPeriods(session)).toEqual([
      { from: new Date('2025-06-02T08:00:00Z'), to: new Date('2025-06-02T09:00:00Z'), state: 'CHARGING', energyWh: 9000 },
      { from: new Date('2025-06-02T09:00:00Z'), to: new Date('2025-06-02T09:20:00Z'), state: 'IDLE', energyWh: 0 },
      { from: new Date('2025-06-02T09:20:00Z'), to: new Date('2025-06-02T09:30:00Z'), state: 'CHARGING', energyWh: 500 },
    ]);
  });
});
