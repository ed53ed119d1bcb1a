import { expect, it } from 'vitest';
import { figureLabel, formatFigure } from '@/lib/analytics/figure-labels';

it('labels report keys for people, with units, and turns unknown camelCase keys into words', () => {
  expect(['chargingShare', 'offlineShare', 'observedSeconds', 'energyKwh', 'mttrMinutes', 'stationId', 'portsBelowTarget', 'someNewFigure'].map(figureLabel)).toEqual([
    'Charging',
    'Offline',
    'Observed (h)',
    'Energy (kWh)',
    'Mean time to recovery (min)',
    'Station',
    'Ports below 97 %',
    'Some new figure',
  ]);
});

it('shows shares as percentages, seconds as hours, numbers grouped and nothing as a dash', () => {
  expect(formatFigure('idleShare', 0.1234)).toBe('12.3 %');
  expect(formatFigure('uptime', 0.97)).toBe('97.0 %');
  expect(formatFigure('chargingSeconds', 5400)).toBe('1.5');
  expect(formatFigure('sessions', 12345)).toBe('12,345');
  expect(formatFigure('stationId', 'CP-1')).toBe('CP-1');
  expect(formatFigure('gross', null)).toBe('—');
  expect(formatFigure('gross', undefined)).toBe('—');
});
