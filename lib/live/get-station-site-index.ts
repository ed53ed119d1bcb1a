import { getDb } from '../db/client';
import { listStationSiteIds } from '../db/queries/sites';
import { StationSiteIndex } from './station-site-index';

const globalForIndex = globalThis as unknown as { csmsStationSiteIndex?: StationSiteIndex };

/** The web process's station → site map, shared by every SSE stream with a site filter. */
export function getStationSiteIndex(): StationSiteIndex {
  globalForIndex.csmsStationSiteIndex ??= new StationSiteIndex(() => listStationSiteIds(getDb()));
  return globalForIndex.csmsStationSiteIndex;
}
