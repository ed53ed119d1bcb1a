import { describe, expect, it } from 'vitest';
import { allowancePeriod, applyIncludedEnergy, type PricedEnergyLine } from '@/lib/subscriptions/included-energy';

const energy = (volume: number, unitPrice: number, net: number, vatRate: number | null = 19): PricedEnergyLine => ({ component: 'ENERGY', volume, unitPrice, net, vatRate });
const other = (component: string, net: number): PricedEnergyLine => ({ component, volume: 1, unitPrice: 1, net, vatRate: 19 });
const apply = (lines: PricedEnergyLine[], remainingWh: number, sessionNet = lines.reduce((sum, line) => sum + line.net, 0), currency = 'EUR') =>
  applyIncludedEnergy(lines, { remainingWh, sessionNet, currency, planName: 'Commuter' });
const amounts = (result: ReturnType<typeof apply>) => [result.takenWh, ...result.lines.map((line) => [line.quantity, line.net, line.vat, line.gross])];

describe('included energy (pure)', () => {
  // Each row: energy lines (and others), remaining allowance → Wh taken, then [kWh, net, VAT, gross] per waiver line.
  it.each([
    ['nothing left: nothing waived', [energy(10_000, 0.3, 300)], 0, [0]],
    ['fully covered: the whole line, VAT to the cent', [energy(10_000, 0.3, 300)], 25_000, [10_000, [10, -300, -57, -357]]],
    ['straddling: 2,500 Wh of 10,000 at €0.30/kWh = €0.75', [energy(10_000, 0.3, 300)], 2_500, [2_500, [2.5, -75, -14, -89]]],
    ['half-up once per line: 1,001 Wh at €0.25/kWh = 25.025 cents → 25', [energy(5_000, 0.25, 125)], 1_001, [1_001, [1.001, -25, -5, -30]]],
    ['half-up: 1,018 Wh = 25.45 cents → 25', [energy(5_000, 0.25, 125)], 1_018, [1_018, [1.018, -25, -5, -30]]],
    ['half-up: 1,020 Wh = 25.5 cents → 26', [energy(5_000, 0.25, 125)], 1_020, [1_020, [1.02, -26, -5, -31]]],
    ['time, parking and flat are never waived', [other('FLAT', 100), other('TIME', 200), other('PARKING_TIME', 50)], 10_000, [0]],
    ['two energy elements in line order, fractional split', [energy(4_300.5, 0.2, 86), energy(1_199.5, 0.4, 48)], 5_000, [5_000, [4.3005, -86, -16, -102], [0.6995, -28, -5, -33]]],
    ['no VAT on the component: none on the waiver', [energy(1_000, 0.3, 30, null)], 500, [500, [0.5, -15, 0, -15]]],
    ['JPY has no minor unit: ¥45/kWh for 333 Wh = ¥14.985 → ¥15', [energy(1_000, 45, 45)], 333, [333, [0.333, -15, -3, -18]]],
  ] as const)('%s', (_name, lines, remaining, expected) => {
    const currency = _name.startsWith('JPY') ? 'JPY' : 'EUR';
    expect(amounts(apply([...lines], remaining, undefined, currency))).toEqual(expected);
  });

  it('never waives more than the session costs after its maximum price', () => {
    // €3.00 of energy + €1 flat, capped by the tariff at €2.50 (adjustment −€1.50): at most €2.50 waived.
    expect(amounts(apply([energy(10_000, 0.3, 300), other('FLAT', 100)], 20_000, 250))).toEqual([10_000, [10, -250, -48, -298]]);
    expect(amounts(apply([energy(10_000, 0.3, 300)], 20_000, 0))).toEqual([10_000, [10, 0, 0, 0]]);
  });

  it('describes the line with the Wh and the plan', () => {
    expect(apply([energy(10_000, 0.3, 300)], 2_500).lines[0]).toMatchObject({ component: 'INCLUDED_ENERGY', description: 'Included energy (Commuter): 2,500 Wh', unit: 'kWh', unitPrice: 0.3 });
  });

  it('is monotone: more allowance never waives less', () => {
    const lines = [energy(7_777, 0.37, 288), energy(3_333, 0.19, 63)];
    let previous = 0;
    for (let remaining = 0; remaining <= 12_000; remaining += 97) {
      const waived = -apply(lines, remaining).lines.reduce((sum, line) => sum + line.net, 0);
      expect(waived).toBeGreaterThanOrEqual(previous);
      previous = waived;
    }
    expect(previous).toBe(351);
  });
});

describe('allowance period', () => {
  const subscription = { startsAt: new Date('2026-01-31T10:00:00Z'), endsAt: null };
  it.each([
    ['stopped in the first period', '2026-02-27T09:00:00Z', '2026-02-28T09:59:59Z', '2026-01-31T10:00:00.000Z'],
    ['straddles a period boundary: counts where it stopped', '2026-02-28T09:00:00Z', '2026-02-28T11:00:00Z', '2026-02-28T10:00:00.000Z'],
  ])('%s', (_name, startedAt, stoppedAt, periodStart) => {
    expect(allowancePeriod(subscription, { startedAt: new Date(startedAt), stoppedAt: new Date(stoppedAt) }).start.toISOString()).toBe(periodStart);
  });
  it('after the subscription ended, the period of the start', () => {
    const ended = { ...subscription, endsAt: new Date('2026-02-28T10:00:00Z') };
    expect(allowancePeriod(ended, { startedAt: new Date('2026-02-28T09:00:00Z'), stoppedAt: new Date('2026-02-28T11:00:00Z') }).start.toISOString()).toBe('2026-01-31T10:00:00.000Z');
  });
});
