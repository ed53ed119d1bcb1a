import { describe, expect, it } from 'vitest';
import { isTariffActiveAt, minorUnitExponent, priceSession, type SessionTimeline } from '@/lib/pricing';
import { buildTimeline, energy, flat, parking, tariff, time } from './build-timeline';

const BERLIN = 'Europe/Berlin';
const only = (...price_components: object[]) => tariff({ currency: 'EUR', elements: [{ price_components }] });
const at = (iso: string) => new Date(iso);

/** Berlin, Monday 2 June 2025 10:00 local = 08:00Z; readings every 10 minutes. */
function running(readings: [minute: number, wh: number][], idleFromMinute?: number): SessionTimeline {
  const start = Date.parse('2025-06-02T08:00:00Z');
  return {
    startedAt: new Date(start),
    timeZone: BERLIN,
    meterStartWh: 1000,
    meterSamples: readings.map(([minute, wh]) => ({ at: new Date(start + minute * 60_000), energyWh: wh })),
    idlePeriods: idleFromMinute === undefined ? [] : [{ from: new Date(start + idleFromMinute * 60_000) }],
  };
}

describe('money: integer minor units, each line rounded half-up once', () => {
  it('rounds VAT per line half-up: 2.50 at 15 % is 0.375 → 0.38', () => {
    const cost = priceSession(only(flat(2.5, 15)), buildTimeline('2025-06-02T10:00', BERLIN, []));
    expect(cost.lines).toEqual([
      { component: 'FLAT', elementIndex: 0, volume: 1, roundedUpBy: 0, unitPrice: 2.5, net: 250, vatRate: 15, vat: 38, gross: 288 },
    ]);
  });

  it('tells no VAT (null) from 0 % VAT', () => {
    const cost = priceSession(only(energy(0.25), time(1, 0)), buildTimeline('2025-06-02T10:00', BERLIN, [{ minutes: 60, kw: 10 }]));
    expect(cost.lines.map((line) => [line.component, line.vatRate, line.vat])).toEqual([
      ['ENERGY', null, 0],
      ['TIME', 0, 0],
    ]);
  });

  it.each([
    // 10.5 kWh × 35.5 ¥ = 372.75 → 373 ¥; VAT 10 % = 37.3 → 37.
    ['JPY', 35.5, 10_500, 0, 373, 37],
    // 10 kWh × 0.0125 KWD = 0.125 KWD = 125 fils.
    ['KWD', 0.0125, 10_000, 3, 125, 13],
    // 7.777 kWh × 0.3333 = 2.5920741 → 259 cents; VAT 10 % = 25.9 → 26.
    ['EUR', 0.3333, 7777, 2, 259, 26],
  ])('%s: %f per kWh × %i Wh', (currency, price, wh, exponent, net, vat) => {
    const t = tariff({ currency, elements: [{ price_components: [energy(price, 10)] }] });
    const cost = priceSession(t, buildTimeline('2025-06-02T10:00', BERLIN, [{ minutes: 60, wh }]));
    expect(minorUnitExponent(currency)).toBe(exponent);
    expect(cost).toMatchObject({ currency, net, vat, gross: net + vat });
  });

  it('never sums floats: 3 × 0.1 kWh at 0.1 €/kWh per line is exact', () => {
    // 0.1 + 0.2 !== 0.3 in floats; here 300 Wh × 0.1 €/kWh is exactly 3 cents.
    const cost = priceSession(only(energy(0.1)), buildTimeline('2025-06-02T10:00', BERLIN, [1, 2, 3].map(() => ({ minutes: 1, wh: 100 }))));
    expect(cost.net).toBe(3);
  });
});

describe('one function for cost so far, final cost and preview', () => {
  const perKwhAndHour = only(energy(0.3, 19), time(1.2, 19), parking(6, 19, 60));

  it('prices a running session up to `now`: charging goes on after the last reading, energy does not', () => {
    const live = priceSession(perKwhAndHour, running([[10, 3000], [20, 5000]]), { now: at('2025-06-02T08:25:00Z') });
    expect(live).toMatchObject({ isFinal: false, pricedUntil: '2025-06-02T08:25:00.000Z', usage: { energyWh: 4000, chargingSeconds: 1500, idleSeconds: 0 } });
    // 4 kWh × 0.30 = 120; 25 min × 1.20 = 50.
    expect(live.net).toBe(170);
  });

  it('a reported SuspendedEV turns the time after it into parking, still running', () => {
    const live = priceSession(perKwhAndHour, running([[10, 3000], [20, 5000]], 20), { now: at('2025-06-02T08:30:00Z') });
    // 4 kWh = 120; 20 min charging = 40; 10 min parked × 6.00 = 100.
    expect(live.usage).toEqual({ energyWh: 4000, chargingSeconds: 1200, idleSeconds: 600 });
    expect(live.net).toBe(260);
  });

  it('the final cost is the cost so far at the stop, with the stop reading', () => {
    const session = running([[10, 3000], [20, 5000], [30, 6000]]);
    const live = priceSession(perKwhAndHour, session, { now: at('2025-06-02T08:30:00Z') });
    const final = priceSession(perKwhAndHour, { ...session, stoppedAt: at('2025-06-02T08:30:00Z') }, { now: at('2030-01-01T00:00:00Z') });
    expect({ ...final, isFinal: false }).toEqual(live);
    expect(final.isFinal).toBe(true);
  });

  it('refuses to guess: a running session needs `now`', () => {
    expect(() => priceSession(perKwhAndHour, running([]))).toThrow(/now/);
    expect(() => priceSession(perKwhAndHour, { ...running([]), timeZone: 'Mars/Olympus' }, { now: at('2025-06-02T09:00:00Z') })).toThrow(/time zone/);
    expect(() => priceSession(perKwhAndHour, running([]), { now: at('2025-06-02T07:00:00Z') })).toThrow(/before it starts/);
  });

  it('a session that has only just started costs its start fee', () => {
    const cost = priceSession(only(flat(1, 20), energy(0.3)), running([]), { now: at('2025-06-02T08:00:00Z') });
    expect(cost).toMatchObject({ net: 100, vat: 20, gross: 120, usage: { energyWh: 0, chargingSeconds: 0, idleSeconds: 0 } });
  });
});

describe('the timeline', () => {
  it('is idle where average power between readings is below the threshold (100 W unless set)', () => {
    // 10 min at 6 kW, then 30 min drawing 40 Wh (80 W): parked.
    const session = running([[10, 2000], [40, 2040]]);
    const stop = { now: at('2025-06-02T08:40:00Z') };
    expect(priceSession(only(parking(6)), session, stop).usage).toEqual({ energyWh: 1040, chargingSeconds: 600, idleSeconds: 1800 });
    expect(priceSession(only(parking(6)), session, { ...stop, idlePowerThresholdW: 50 }).usage.idleSeconds).toBe(0);
  });

  it('bills parking only after our parking_grace_seconds: 40 min idle, 30 min grace, 15-min steps', () => {
    const t = tariff({ currency: 'EUR', parking_grace_seconds: 1800, elements: [{ price_components: [parking(2, undefined, 900)] }] });
    const cost = priceSession(t, buildTimeline('2025-06-02T10:00', BERLIN, [{ minutes: 60, kw: 11 }, { minutes: 40, idle: true }]));
    expect(cost.lines).toMatchObject([{ component: 'PARKING_TIME', volume: 900, roundedUpBy: 300, net: 50 }]);
    expect(cost.usage.idleSeconds).toBe(2400);
  });

  it('reads samples in any order, keeps the higher of two at the same time, ignores those outside the session', () => {
    const ordered = running([[10, 3000], [20, 5000]]);
    const messy: SessionTimeline = {
      ...ordered,
      stoppedAt: at('2025-06-02T08:20:00Z'),
      meterSamples: [
        { at: at('2025-06-02T08:20:00Z'), energyWh: 5000 },
        { at: at('2025-06-02T07:59:00Z'), energyWh: 900 },
        { at: at('2025-06-02T08:10:00Z'), energyWh: 2990 },
        { at: at('2025-06-02T08:10:00Z'), energyWh: 3000 },
        { at: at('2025-06-02T09:00:00Z'), energyWh: 9000 },
      ],
    };
    const t = only(energy(0.3), time(1.2));
    expect(priceSession(t, messy).lines).toEqual(priceSession(t, { ...ordered, stoppedAt: at('2025-06-02T08:20:00Z') }).lines);
  });

  it('counts a meter register that jumps back (reset) as no energy, then counts on from the new value', () => {
    const cost = priceSession(only(energy(1)), { ...running([[10, 6000], [20, 200], [30, 1200]]), stoppedAt: at('2025-06-02T08:30:00Z') });
    expect(cost.usage.energyWh).toBe(6000);
  });
});

describe('which element applies', () => {
  it('per dimension, the first matching element that has it', () => {
    // ENERGY: 0.10 for the first 5 kWh, then 0.20 from element 1; TIME only in element 1 throughout.
    const t = tariff({ currency: 'EUR', elements: [{ price_components: [energy(0.1)], restrictions: { max_kwh: 5 } }, { price_components: [energy(0.2), time(1)] }] });
    const cost = priceSession(t, buildTimeline('2025-06-02T10:00', BERLIN, [{ minutes: 60, wh: 8000 }]));
    expect(cost.lines.map((line) => [line.component, line.elementIndex, line.volume])).toEqual([
      ['ENERGY', 0, 5000],
      ['ENERGY', 1, 3000],
      ['TIME', 1, 3600],
    ]);
  });

  it('charges FLAT once, from the first instant an element with FLAT matches', () => {
    const t = tariff({
      currency: 'EUR',
      elements: [{ price_components: [flat(5)], restrictions: { min_duration: 7200 } }, { price_components: [flat(1)], restrictions: { min_duration: 3600 } }],
    });
    const session = (minutes: number) => buildTimeline('2025-06-02T10:00', BERLIN, [{ minutes, kw: 11 }]);
    expect(priceSession(t, session(30)).lines).toEqual([]);
    expect(priceSession(t, session(90)).lines).toMatchObject([{ component: 'FLAT', elementIndex: 1, net: 100 }]);
    expect(priceSession(t, session(180)).lines).toMatchObject([{ component: 'FLAT', elementIndex: 1, net: 100 }]);
  });

  it('never applies a reservation element, nor a current bound when the station reports no current', () => {
    const t = tariff({
      currency: 'EUR',
      elements: [
        { price_components: [time(5)], restrictions: { reservation: 'RESERVATION' } },
        { price_components: [time(3)], restrictions: { max_current: 32 } },
        { price_components: [time(2)] },
      ],
    });
    const session = buildTimeline('2025-06-02T10:00', BERLIN, [{ minutes: 60, kw: 11 }]);
    expect(priceSession(t, session).lines).toMatchObject([{ elementIndex: 2, net: 200 }]);
    const withCurrent = buildTimeline('2025-06-02T10:00', BERLIN, [{ minutes: 60, kw: 11, currentA: 16 }]);
    expect(priceSession(t, withCurrent).lines).toMatchObject([{ elementIndex: 1, net: 300 }]);
  });

  it('splits energy at the exact instant a kWh bound is crossed inside a meter interval', () => {
    // 0.5 kWh free, then 0.40: one 10-min reading of 1234 Wh → 734 Wh billed = 29.36 → 29.
    const t = tariff({ currency: 'EUR', elements: [{ price_components: [energy(0)], restrictions: { max_kwh: 0.5 } }, { price_components: [energy(0.4)] }] });
    const cost = priceSession(t, buildTimeline('2025-06-02T10:00', BERLIN, [{ minutes: 10, wh: 1234 }]));
    expect(cost.lines.map((line) => [line.elementIndex, line.volume, line.net])).toEqual([
      [0, 500, 0],
      [1, 734, 29],
    ]);
  });
});

describe('tariff validity', () => {
  it('is start_date_time ≤ t < end_date_time, the Z optional', () => {
    const t = { start_date_time: '2025-06-01T00:00:00Z', end_date_time: '2025-07-01T00:00:00' };
    expect(isTariffActiveAt(t, at('2025-05-31T23:59:59Z'))).toBe(false);
    expect(isTariffActiveAt(t, at('2025-06-01T00:00:00Z'))).toBe(true);
    expect(isTariffActiveAt(t, at('2025-07-01T00:00:00Z'))).toBe(false);
    expect(isTariffActiveAt({}, at('2025-07-01T00:00:00Z'))).toBe(true);
  });
});
