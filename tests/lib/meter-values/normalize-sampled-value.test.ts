import { describe, expect, it } from 'vitest';
import { normalizeMeterValues, normalizeValue } from '@/lib/meter-values/normalize-sampled-value';

const context = { stationId: 'S', connectorId: 1, transactionId: 7, receivedAt: new Date('2026-01-01T00:00:00Z') };

describe('normalizeValue', () => {
  it.each([
    ['12.3456', 'kWh', { unit: 'Wh', value: 12346 }],
    ['850', 'Wh', { unit: 'Wh', value: 850 }],
    ['11', 'kW', { unit: 'W', value: 11000 }],
    ['2.5', 'kvarh', { unit: 'varh', value: 2500 }],
    ['3', 'kVA', { unit: 'VA', value: 3000 }],
    ['1', 'kvar', { unit: 'var', value: 1000 }],
    ['293.15', 'K', { unit: 'Celsius', value: 20 }],
    ['68', 'Fahrenheit', { unit: 'Celsius', value: 20 }],
    ['21.5', 'Celcius', { unit: 'Celsius', value: 21.5 }],
    ['230.1', 'V', { unit: 'V', value: 230.1 }],
    ['n/a', 'kWh', { unit: 'Wh', value: null }],
    ['', 'A', { unit: 'A', value: null }],
  ])('%s %s → %o', (raw, unit, expected) => {
    expect(normalizeValue(raw, unit)).toEqual(expected);
  });
});

describe('normalizeMeterValues', () => {
  it('applies the OCPP 1.6 defaults and the unit a measurand implies', () => {
    const rows = normalizeMeterValues(
      [
        {
          timestamp: '2026-01-01T10:00:00.000Z',
          sampledValue: [{ value: '100' }, { value: '45', measurand: 'SoC' }, { value: '0.98', measurand: 'Power.Factor' }, { value: '7', measurand: 'Power.Offered' }],
        },
      ],
      context,
    );
    expect(rows[0]).toMatchObject({ measurand: 'Energy.Active.Import.Register', unit: 'Wh', value: 100, context: 'Sample.Periodic', format: 'Raw', location: 'Outlet', phase: null, rawUnit: null, transactionId: 7 });
    expect(rows[1]).toMatchObject({ unit: 'Percent', value: 45 });
    expect(rows[2]).toMatchObject({ unit: '', value: 0.98 });
    expect(rows[3]).toMatchObject({ unit: 'W', value: 7 });
    expect(rows.every((row) => row.sampledAt?.toISOString() === '2026-01-01T10:00:00.000Z')).toBe(true);
  });

  it('keeps SignedData verbatim and gives it no number', () => {
    const [row] = normalizeMeterValues([{ timestamp: '2026-01-01T10:00:00Z', sampledValue: [{ value: '<?xml ...>', format: 'SignedData' }] }], context);
    expect(row).toMatchObject({ format: 'SignedData', value: null, rawValue: '<?xml ...>' });
  });
});
