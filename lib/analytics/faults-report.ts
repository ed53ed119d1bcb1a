import type { Db } from '../db/client';
import { listFaultEpisodes, listScopeStations, sumConnectorStats, type ReportFilter } from '../db/queries/analytics-reports';
import { round, type Figures, type ReportPart } from './report-types';

type Episode = Awaited<ReturnType<typeof listFaultEpisodes>>[number];

/** MTTR: mean duration of the episodes that ended. MTBF: up time (charging, idle, available) ÷ faults. */
function reliability(episodes: Episode[], upSeconds: number): { faults: number; mtbfHours: number | null; mttrMinutes: number | null } {
  const ended = episodes.filter((e) => e.endedAt);
  return {
    faults: episodes.length,
    mtbfHours: episodes.length > 0 ? round(upSeconds / episodes.length / 3600, 2) : null,
    mttrMinutes: ended.length > 0 ? round(ended.reduce((n, e) => n + e.seconds, 0) / ended.length / 60, 1) : null,
  };
}

/** Faulted episodes by errorCode, vendor error code, vendor, model and firmware, with MTBF and MTTR. */
export async function buildFaultsReport(db: Db, filter: ReportFilter, now: Date): Promise<ReportPart<{ byModel: Figures[]; byErrorCode: Figures[] }>> {
  const [episodes, connectors, stations] = await Promise.all([listFaultEpisodes(db, filter, now), sumConnectorStats(db, filter), listScopeStations(db, filter)]);
  const upOf = new Map<string, number>();
  for (const c of connectors) upOf.set(c.stationId, (upOf.get(c.stationId) ?? 0) + c.chargingSeconds + c.idleSeconds + c.availableSeconds);
  const modelKey = (s: { vendor: string | null; model: string | null; firmware: string | null }) => JSON.stringify([s.vendor ?? '', s.model ?? '', s.firmware ?? '']);
  const upByModel = new Map<string, number>();
  for (const s of stations) upByModel.set(modelKey(s), (upByModel.get(modelKey(s)) ?? 0) + (upOf.get(s.stationId) ?? 0));
  const group = <K extends string>(keyOf: (e: Episode) => K) => {
    const groups = new Map<K, Episode[]>();
    for (const e of episodes) groups.set(keyOf(e), [...(groups.get(keyOf(e)) ?? []), e]);
    return [...groups];
  };
  const totalUp = [...upOf.values()].reduce((a, b) => a + b, 0);
  return {
    totals: reliability(episodes, totalUp),
    columns: ['errorCode', 'vendorErrorCode', 'vendor', 'model', 'firmware', 'faults', 'mttrMinutes'],
    rows: group((e) => JSON.stringify([e.errorCode, e.vendorErrorCode, e.vendor, e.model, e.firmware])).map(([key, list]) => {
      const [errorCode, vendorErrorCode, vendor, model, firmware] = JSON.parse(key) as string[];
      const { faults, mttrMinutes } = reliability(list, 0);
      return { errorCode: errorCode!, vendorErrorCode: vendorErrorCode!, vendor: vendor!, model: model!, firmware: firmware!, faults, mttrMinutes };
    }),
    extra: {
      byErrorCode: group((e) => e.errorCode).map(([errorCode, list]) => ({ errorCode, ...reliability(list, totalUp) })),
      byModel: group((e) => modelKey(e)).map(([key, list]) => {
        const [vendor, model, firmware] = JSON.parse(key) as string[];
        return { vendor: vendor!, model: model!, firmware: firmware!, ...reliability(list, upByModel.get(key) ?? 0) };
      }),
    },
  };
}
