/**
 * A plausible EV on AC or DC: constant power up to ~80 % state of charge, then a linear taper to
 * 10 % of it at 100 % (the CC-CV shape of a lithium-ion charge). Pure, so tests can check it.
 */
export interface Ev {
  capacityWh: number;
  socPercent: number;
  targetSocPercent: number;
  /** What the car accepts; the charging power is the lower of this and the connector's limit. */
  maxPowerW: number;
}

export function randomEv(random: () => number = Math.random): Ev {
  const capacityWh = Math.round(40_000 + random() * 60_000);
  return {
    capacityWh,
    socPercent: Math.round(10 + random() * 40),
    targetSocPercent: Math.round(80 + random() * 20),
    maxPowerW: [7_400, 11_000, 22_000][Math.floor(random() * 3)]!,
  };
}

export function chargingPowerW(ev: Ev, connectorMaxW: number): number {
  const peak = Math.min(ev.maxPowerW, connectorMaxW);
  if (ev.socPercent >= 100) return 0;
  if (ev.socPercent <= 80) return peak;
  return peak * (1 - 0.9 * ((ev.socPercent - 80) / 20));
}

/** Advances the EV by `seconds` of charging; returns the energy delivered (Wh) and the power (W). */
export function chargeFor(ev: Ev, seconds: number, connectorMaxW: number): { energyWh: number; powerW: number } {
  const powerW = chargingPowerW(ev, connectorMaxW);
  const energyWh = Math.min((powerW * seconds) / 3600, ((100 - ev.socPercent) / 100) * ev.capacityWh);
  ev.socPercent = Math.min(100, ev.socPercent + (energyWh / ev.capacityWh) * 100);
  return { energyWh, powerW };
}
