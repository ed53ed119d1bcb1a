import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceSession, type SessionCost, type SessionTimeline, type Tariff } from '@/lib/pricing';
import { DAYS, DST_CHANGES_2025, hhmmArb, sessionArb, stoppedAtReading, tariffArb, ZONES } from './arbitraries';
import { energy, tariff, time } from './build-timeline';

const totals = (cost: SessionCost) => ({ net: cost.net, gross: cost.gross });

describe('pricing properties', () => {
  it('cost never decreases as the session goes on (more time, more energy)', () => {
    // With step_size > 1 OCPI's rule is not monotone: a session that stops during an expensive element
    // is rounded up to that element's step, while a longer one bills the same minutes at a later,
    // cheaper element; and charging time stops being rounded once parking follows (step-size.ts).
    // So this holds for unit steps, where nothing is rounded (whole seconds, whole Wh).
    fc.assert(
      fc.property(tariffArb({ unitSteps: true }), sessionArb, (t, session) => {
        let previous = { net: 0, gross: 0 };
        for (let k = 1; k <= session.readingTimes.length; k += 1) {
          const current = totals(priceSession(t, stoppedAtReading(session, k)));
          expect(current.net).toBeGreaterThanOrEqual(previous.net);
          expect(current.gross).toBeGreaterThanOrEqual(previous.gross);
          previous = current;
        }
      }),
    );
  });

  it('cost never decreases when the same session delivers more energy', () => {
    // Restrictions on the clock only: with kWh or power bounds, more energy early can move later
    // energy to a cheaper element, which OCPI allows. Idle only where reported, so energy does not
    // turn parking into charging.
    const extraArb = fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 10, maxLength: 10 });
    fc.assert(
      fc.property(tariffArb({ unitSteps: true, clockOnly: true }), sessionArb, extraArb, (t, session, extra) => {
        let added = 0;
        const more: SessionTimeline = {
          ...session.timeline,
          meterSamples: session.timeline.meterSamples.map((sample, i) => ({ ...sample, energyWh: sample.energyWh + (added += extra[i]!) })),
        };
        const options = { idlePowerThresholdW: 0 };
        const [before, after] = [priceSession(t, session.timeline, options), priceSession(t, more, options)];
        expect(after.net).toBeGreaterThanOrEqual(before.net);
        expect(after.gross).toBeGreaterThanOrEqual(before.gross);
      }),
    );
  });

  it('the live cost so far at the stop equals the final cost, for any tariff', () => {
    fc.assert(
      fc.property(tariffArb(), sessionArb, (t, session) => {
        const { stoppedAt, ...running } = session.timeline;
        const live = priceSession(t, running, { now: stoppedAt! });
        const final = priceSession(t, session.timeline);
        expect({ ...live, isFinal: true }).toEqual(final);
      }),
    );
  });

  it('is deterministic and does not depend on the order readings arrive in', () => {
    fc.assert(
      fc.property(tariffArb(), sessionArb, fc.nat(), (t, session, rotation) => {
        const samples = session.timeline.meterSamples;
        const shift = rotation % samples.length;
        const shuffled = { ...session.timeline, meterSamples: [...samples.slice(shift), ...samples.slice(0, shift)].reverse() };
        expect(priceSession(t, shuffled)).toEqual(priceSession(t, session.timeline));
      }),
    );
  });

  it('step_size rounds one energy line and one time line up, by less than a step, to a multiple of it', () => {
    fc.assert(
      fc.property(tariffArb(), sessionArb, (t, session) => {
        const cost = priceSession(t, session.timeline);
        const groups = [['ENERGY'], ['TIME', 'PARKING_TIME']];
        for (const group of groups) {
          const lines = cost.lines.filter((line) => group.includes(line.component));
          const rounded = lines.filter((line) => line.roundedUpBy > 0);
          expect(rounded.length).toBeLessThanOrEqual(1);
          if (rounded.length === 0) continue;
          const line = rounded[0]!;
          const step = stepOf(t, line.elementIndex, line.component);
          expect(line.roundedUpBy).toBeLessThan(step);
          const total = lines.filter((l) => l.component === line.component).reduce((sum, l) => sum + l.volume, 0);
          expect(Math.abs(total / step - Math.round(total / step))).toBeLessThan(1e-6);
          if (line.component === 'TIME') expect(lines.some((l) => l.component === 'PARKING_TIME')).toBe(false);
        }
      }),
    );
  });
});

function stepOf(t: Tariff, elementIndex: number, component: string): number {
  return t.elements[elementIndex]!.price_components.find((c) => c.type === component)!.step_size;
}

/** The wall clock of an instant, read with Intl directly: independent of the engine's time code. */
const wallClockFormats = new Map(
  ZONES.map((timeZone) => [timeZone, new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', weekday: 'long', hour: '2-digit', minute: '2-digit' })]),
);

function wallClock(timeZone: (typeof ZONES)[number], epochMs: number): { minuteOfDay: number; day: string } {
  const parts = wallClockFormats.get(timeZone)!.formatToParts(epochMs);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { minuteOfDay: Number(part('hour')) * 60 + Number(part('minute')), day: part('weekday').toUpperCase() };
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const halfUp = (numerator: number, denominator: number) => Math.floor((2 * numerator + denominator) / (2 * denominator));

describe('restrictions switch exactly at their boundaries', () => {
  it('time of day (wrapping past midnight) and day of week, across DST in Berlin and New York', () => {
    const caseArb = fc.record({
      timeZone: fc.constantFrom(...ZONES),
      start: fc.constantFrom(...DST_CHANGES_2025).chain((change) => fc.integer({ min: -30 * 60, max: 2 * 60 }).map((m) => change + m * 60_000)),
      durationMinutes: fc.integer({ min: 1, max: 36 * 60 }),
      window: fc.tuple(hhmmArb, hhmmArb).filter(([a, b]) => a !== b),
      days: fc.option(fc.subarray([...DAYS], { minLength: 1 }), { nil: undefined }),
      // ≥ 2 Wh a minute (120 W): above the idle threshold, so every minute is charging time.
      whPerMinute: fc.integer({ min: 2, max: 400 }),
      cents: fc.tuple(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 900 })),
    });
    fc.assert(
      fc.property(caseArb, ({ timeZone, start, durationMinutes, window: [from, to], days, whPerMinute, cents: [e0, e1, t0, t1] }) => {
        const t = tariff({
          currency: 'EUR',
          elements: [
            { price_components: [energy(e0 / 100), time(t0 / 100)], restrictions: { start_time: from, end_time: to, ...(days ? { day_of_week: days } : {}) } },
            { price_components: [energy(e1 / 100), time(t1 / 100)] },
          ],
        });
        // One meter interval for the whole session: the engine has to find every boundary inside it.
        const stop = start + durationMinutes * 60_000;
        const session: SessionTimeline = {
          startedAt: new Date(start),
          stoppedAt: new Date(stop),
          timeZone,
          meterStartWh: 0,
          meterSamples: [{ at: new Date(stop), energyWh: whPerMinute * durationMinutes }],
        };
        // Reference: boundaries fall on whole local minutes, so each minute is priced by its first instant.
        let inWindow = 0;
        for (let m = 0; m < durationMinutes; m += 1) {
          const clock = wallClock(timeZone, start + m * 60_000);
          const [a, b] = [minutes(from), minutes(to)];
          const timeOk = a < b ? clock.minuteOfDay >= a && clock.minuteOfDay < b : clock.minuteOfDay >= a || clock.minuteOfDay < b;
          if (timeOk && (!days || (days as string[]).includes(clock.day))) inWindow += 1;
        }
        const counts = [inWindow, durationMinutes - inWindow];
        const expected = [0, 1].flatMap((element) => {
          const count = counts[element]!;
          if (count === 0) return [];
          const [wh, seconds] = [whPerMinute * count, 60 * count];
          return [
            { component: 'ENERGY', elementIndex: element, volume: wh, net: halfUp((element ? e1 : e0) * wh, 1000) },
            { component: 'TIME', elementIndex: element, volume: seconds, net: halfUp((element ? t1 : t0) * seconds, 3600) },
          ];
        });
        const cost = priceSession(t, session);
        const lines = cost.lines.map(({ component, elementIndex, volume, net }) => ({ component, elementIndex, volume, net }));
        const byKey = (l: { component: string; elementIndex: number }) => `${l.component}${l.elementIndex}`;
        expect([...lines].sort((x, y) => byKey(x).localeCompare(byKey(y)))).toEqual(expected.sort((x, y) => byKey(x).localeCompare(byKey(y))));
      }),
      { numRuns: 200 },
    );
  });
});
