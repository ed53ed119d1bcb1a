export interface CurveSample {
  at: Date;
  measurand: string;
  phase: string | null;
  value: number | null;
}

/** Power per sample time in kW: the total when reported, else the sum of the phases L1–L3. */
export function powerCurve(samples: CurveSample[]): { at: number; kw: number }[] {
  const byTime = new Map<number, { total?: number; phases: number }>();
  for (const sample of samples) {
    if (sample.measurand !== 'Power.Active.Import' || sample.value === null) continue;
    const at = sample.at.getTime();
    const entry = byTime.get(at) ?? { phases: 0 };
    if (sample.phase === null) entry.total = sample.value;
    else if (['L1', 'L2', 'L3'].includes(sample.phase)) entry.phases += sample.value;
    byTime.set(at, entry);
  }
  return [...byTime.entries()].sort(([a], [b]) => a - b).map(([at, entry]) => ({ at, kw: (entry.total ?? entry.phases) / 1000 }));
}

/** An open session that sent no sample for this long is flagged as possibly stuck (default of the Settings threshold). */
export const STUCK_AFTER_MS = 15 * 60_000;

export function isSuspectedStuck(session: { stoppedAt: Date | null; startedAt: Date }, lastSampleAt: Date | null, now: Date, afterMs = STUCK_AFTER_MS): boolean {
  if (session.stoppedAt) return false;
  return now.getTime() - (lastSampleAt ?? session.startedAt).getTime() > afterMs;
}
