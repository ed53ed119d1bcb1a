import { describe, expect, it } from 'vitest';
import { localDateTimeToInstant, priceSession } from '@/lib/pricing';
import { buildTimeline, energy, tariff, time } from './build-timeline';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

describe('local date-times on the site clock', () => {
  it.each([
    ['2025-06-02T18:00', BERLIN, '2025-06-02T16:00:00.000Z'],
    // Spring forward: 02:00–03:00 does not exist; like Temporal's "compatible", 02:30 moves to 03:30.
    ['2025-03-30T02:30', BERLIN, '2025-03-30T01:30:00.000Z'],
    // Fall back: 02:00–03:00 happens twice; the earlier (CEST) one.
    ['2025-10-26T02:30', BERLIN, '2025-10-26T00:30:00.000Z'],
    ['2025-03-09T02:30', NEW_YORK, '2025-03-09T07:30:00.000Z'],
    ['2025-11-02T01:30', NEW_YORK, '2025-11-02T05:30:00.000Z'],
  ])('%s in %s is %s', (local, zone, instant) => {
    expect(localDateTimeToInstant(local, zone).toISOString()).toBe(instant);
  });

  it('refuses what is not a local date-time', () => {
    expect(() => localDateTimeToInstant('2025-06-02 18:00', BERLIN)).toThrow(RangeError);
  });
});

const nightEnergy = tariff({
  currency: 'EUR',
  elements: [{ price_components: [energy(0.2)], restrictions: { start_time: '22:00', end_time: '06:00' } }, { price_components: [energy(0.3)] }],
});

/** 10 €/h between two local times, free otherwise: the TIME line's volume is the window's real length. */
const window = (start_time: string, end_time: string) =>
  tariff({ currency: 'EUR', elements: [{ price_components: [time(10)], restrictions: { start_time, end_time } }] });

describe('restrictions on the wall clock across DST', () => {
  it.each([
    // 23:00–07:00 local at 3 kW; the night (22–06) is 6 real hours in spring, 8 in autumn.
    // Night 3 kWh/h × 0.20 = 60 cents an hour; the day hour 3 kWh × 0.30 = 90.
    [BERLIN, '2025-03-29T23:00', 7, 6 * 60 + 90],
    [BERLIN, '2025-10-25T23:00', 9, 8 * 60 + 90],
    [NEW_YORK, '2025-03-08T23:00', 7, 6 * 60 + 90],
    [NEW_YORK, '2025-11-01T23:00', 9, 8 * 60 + 90],
  ])('%s night from %s lasts %i real hours; night and day energy split at local 06:00', (zone, start, hours, cents) => {
    const session = buildTimeline(start, zone, [{ minutes: hours * 60, kw: 3 }]);
    const cost = priceSession(nightEnergy, session);
    expect(cost.usage.chargingSeconds).toBe(hours * 3600);
    expect(cost.lines.map((line) => [line.elementIndex, line.volume])).toEqual([
      [0, (hours - 1) * 3000],
      [1, 3000],
    ]);
    expect(cost.net).toBe(cents);
  });

  it('a window starting inside the spring gap starts when the clock first shows a later time (03:00)', () => {
    // Berlin 2025-03-30: 02:30–05:00 local is 01:00Z–03:00Z, two real hours.
    const cost = priceSession(window('02:30', '05:00'), buildTimeline('2025-03-30T00:00', BERLIN, [{ minutes: 300, kw: 1 }]));
    expect(cost.lines).toMatchObject([{ component: 'TIME', volume: 7200, net: 2000 }]);
  });

  it('a window inside the autumn overlap applies both times the clock shows it', () => {
    // Berlin 2025-10-26: 02:30–03:00 happens at 00:30Z and again at 01:30Z: one real hour in total.
    const berlin = priceSession(window('02:30', '03:00'), buildTimeline('2025-10-26T00:00', BERLIN, [{ minutes: 360, kw: 1 }]));
    expect(berlin.lines).toMatchObject([{ volume: 3600, net: 1000 }]);
    // New York 2025-11-02: 01:00–02:00 EDT and 01:00–02:00 EST, two real hours.
    const newYork = priceSession(window('01:00', '02:00'), buildTimeline('2025-11-02T00:00', NEW_YORK, [{ minutes: 300, kw: 1 }]));
    expect(newYork.lines).toMatchObject([{ volume: 7200, net: 2000 }]);
  });

  it('day_of_week switches at local midnight, not UTC midnight', () => {
    // New York, Sunday 23:00 to Monday 01:00 EST: Sunday-only pricing covers exactly the first hour,
    // although in UTC both hours are on Monday.
    const sundays = tariff({ currency: 'USD', elements: [{ price_components: [time(6)], restrictions: { day_of_week: ['SUNDAY'] } }] });
    const cost = priceSession(sundays, buildTimeline('2025-11-09T23:00', NEW_YORK, [{ minutes: 120, kw: 7 }]));
    expect(cost.lines).toMatchObject([{ volume: 3600, net: 600 }]);
  });

  it('start_date and end_date are local dates, end exclusive', () => {
    const promotion = tariff({
      currency: 'EUR',
      elements: [
        { price_components: [time(1)], restrictions: { start_date: '2025-06-03', end_date: '2025-06-04' } },
        { price_components: [time(3)] },
      ],
    });
    // Berlin, 2025-06-02 23:00 to 2025-06-04 01:00: only 2025-06-03 (24 h) is the promotion.
    const cost = priceSession(promotion, buildTimeline('2025-06-02T23:00', BERLIN, [{ minutes: 26 * 60, kw: 1 }]));
    expect(cost.lines.map((line) => [line.elementIndex, line.volume])).toEqual([
      [1, 7200],
      [0, 86_400],
    ]);
  });
});
