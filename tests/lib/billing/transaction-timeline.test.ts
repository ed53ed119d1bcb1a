import { describe, expect, it } from 'vitest';
import { buildTransactionTimeline, idlePeriodsFromStatuses } from '@/lib/billing/transaction-timeline';
import { utc } from './fixtures';

const status = (value: string, hhmm: string) => ({ status: value, at: utc(hhmm) });

describe('idle periods from connector statuses', () => {
  it('runs from entering SuspendedEV or Finishing to the next other status; clamps to the start', () => {
    expect(
      idlePeriodsFromStatuses(utc('09:00'), [status('SuspendedEV', '08:55'), status('Charging', '09:10'), status('SuspendedEV', '10:00'), status('Finishing', '10:30')]),
    ).toEqual([
      { from: utc('09:00'), to: utc('09:10') },
      { from: utc('10:00'), to: null },
    ]);
    expect(idlePeriodsFromStatuses(utc('09:00'), [status('Charging', '08:59'), status('SuspendedEVSE', '09:30')])).toEqual([]);
  });

  it('adds meterStop at stoppedAt as the last reading of a stopped transaction', () => {
    const transaction = { id: 1, stationId: 'CP', connectorId: 1, startedAt: utc('09:00'), stoppedAt: utc('10:00'), meterStart: 100, meterStop: 900 };
    const timeline = buildTransactionTimeline(transaction, [{ at: utc('09:30'), energyWh: 500, currentA: 16 }], [], 'UTC');
    expect(timeline.meterSamples).toEqual([
      { at: utc('09:30'), energyWh: 500, currentA: 16 },
      { at: utc('10:00'), energyWh: 900 },
    ]);
    expect(timeline).toMatchObject({ meterStartWh: 100, stoppedAt: utc('10:00'), idlePeriods: [] });
  });
});
