import { describe, expect, it } from 'vitest';
import { isSuspectedStuck, powerCurve, STUCK_AFTER_MS } from '@/lib/dashboard/session-curve';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));

describe('powerCurve', () => {
  it('uses the total when reported and sums phases otherwise, in time order, in kW', () => {
    expect(
      powerCurve([
        { at: at(1), measurand: 'Power.Active.Import', phase: 'L1', value: 3000 },
        { at: at(1), measurand: 'Power.Active.Import', phase: 'L2', value: 3000 },
        { at: at(1), measurand: 'Power.Active.Import', phase: 'L3', value: 1000 },
        { at: at(0), measurand: 'Power.Active.Import', phase: null, value: 11000 },
        { at: at(0), measurand: 'Energy.Active.Import.Register', phase: null, value: 5000 },
        { at: at(2), measurand: 'Power.Active.Import', phase: null, value: null },
      ]),
    ).toEqual([
      { at: at(0).getTime(), kw: 11 },
      { at: at(1).getTime(), kw: 7 },
    ]);
  });
});

describe('isSuspectedStuck', () => {
  const open = { startedAt: at(0), stoppedAt: null };
  it('flags an open session silent for longer than the limit, from its last sample or its start', () => {
    expect(isSuspectedStuck(open, at(10), new Date(at(10).getTime() + STUCK_AFTER_MS + 1))).toBe(true);
    expect(isSuspectedStuck(open, at(10), new Date(at(10).getTime() + STUCK_AFTER_MS))).toBe(false);
    expect(isSuspectedStuck(open, null, new Date(at(0).getTime() + STUCK_AFTER_MS + 1))).toBe(true);
  });
  it('never flags a finished session', () => {
    expect(isSuspectedStuck({ startedAt: at(0), stoppedAt: at(5) }, null, at(59))).toBe(false);
  });
});
