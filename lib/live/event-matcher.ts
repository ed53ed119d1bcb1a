import type { CsmsEvent } from '../bus/events';

export interface EventFilter {
  stationIds?: string[];
  siteIds?: string[];
  /** The site a station belongs to now (undefined: none). */
  siteOf: (stationId: string) => string | undefined;
}

/**
 * The SSE filters: by station and/or by site (an event belongs to the site of its station). With
 * any filter, events without a station (idTag.updated) are left out; `resync` always goes through.
 */
export function eventMatcher(filter: EventFilter): (event: CsmsEvent) => boolean {
  const stations = filter.stationIds ? new Set(filter.stationIds) : null;
  const sites = filter.siteIds ? new Set(filter.siteIds) : null;
  // message.logged comes for every frame of every station: only to streams watching named stations (the inspector).
  if (!stations && !sites) return (event) => event.kind !== 'message.logged';
  return (event) => {
    if (!('stationId' in event)) return false;
    if (event.kind === 'message.logged' && !stations) return false;
    if (stations && !stations.has(event.stationId)) return false;
    if (sites) {
      const site = filter.siteOf(event.stationId);
      if (!site || !sites.has(site)) return false;
    }
    return true;
  };
}
