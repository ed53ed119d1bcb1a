import type { Db } from '../db/client';
import { sumFaults, type FaultGroup, type ReportFilter } from '../db/queries/analytics-reports';
import { round, type Figures, type ReportPart } from './report-types';

/** MTTR: mean duration of the episodes that ended. MTBF: up time (charging, idle, available) ÷ faults. */
function reliability(groups: FaultGroup[], upSeconds: number): { faults: number; mtbfHours: number | null; mttrMinutes: number | null } {
  const faults = groups.reduce((n, g) => n + g.faults, 0);
  const ended = groups.reduce((n, g) => n + g.ended, 0);
  const endedSeconds = groups.reduce((n, g) => n + g.endedSeconds, 0);
  return {
    faults,
    mtbfHours: faults > 0 ? round(upSeconds / faults / 3600, 2) : null,
    mttrMinutes: ended > 0 ? round(endedSeconds / ended / 60, 1) : null,
  };
}

/** Groups in the order of their first member. */
function groupBy<T>(items: T[], keyOf: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return [...groups];
}

const modelKey = (s: { vendor: string; model: string; firmware: string }) => JSON.stringify([s.vendor, s.model, s.firmware]);

/** Faulted episodes by errorCode, vendor error code, vendor, model and firmware, with MTBF and MTTR (one statement). */
export async function buildFaultsReport(db: Db, filter: ReportFilter): Promise<ReportPart<{ byModel: Figures[]; byErrorCode: Figures[] }>> {
  const { groups, upByModel } = await sumFaults(db, filter);
  const upOfModel = new Map(upByModel.map((m) => [modelKey(m), m.upSeconds]));
  const totalUp = upByModel.reduce((n, m) => n + m.upSeconds, 0);
  return {
    totals: reliability(groups, totalUp),
    columns: ['errorCode', 'vendorErrorCode', 'vendor', 'model', 'firmware', 'faults', 'mttrMinutes'],
    rows: groups.map((g) => {
      const { faults, mttrMinutes } = reliability([g], 0);
      return { errorCode: g.errorCode, vendorErrorCode: g.vendorErrorCode, vendor: g.vendor, model: g.model, firmware: g.firmware, faults, mttrMinutes };
    }),
    extra: {
      byErrorCode: groupBy(groups, (g) => g.errorCode).map(([errorCode, list]) => ({ errorCode, ...reliability(list, totalUp) })),
      byModel: groupBy(groups, modelKey).map(([key, list]) => {
        const { vendor, model, firmware } = list[0]!;
        return { vendor, model, firmware, ...reliability(list, upOfModel.get(key) ?? 0) };
      }),
    },
  };
}
