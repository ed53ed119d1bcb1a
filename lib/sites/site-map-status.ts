import type { SiteStatusSummary } from '../db/queries/sites';

/** The one word a site's marker shows, worst first: a fault, then stations offline, then charging. */
export type SiteMapStatus = 'faulted' | 'offline' | 'degraded' | 'charging' | 'online' | 'empty';

export function siteMapStatus(summary: SiteStatusSummary): SiteMapStatus {
  if (summary.stations === 0) return 'empty';
  if (summary.faulted > 0) return 'faulted';
  if (summary.online === 0) return 'offline';
  if (summary.offline > 0) return 'degraded';
  if (summary.charging > 0) return 'charging';
  return 'online';
}

/** Marker colours (CSS colours, readable on tiles and on the blank map alike). */
export const SITE_MAP_COLOURS: Record<SiteMapStatus, string> = {
  faulted: '#dc2626',
  offline: '#6b7280',
  degraded: '#d97706',
  charging: '#2563eb',
  online: '#16a34a',
  empty: '#9ca3af',
};

export const SITE_MAP_LABELS: Record<SiteMapStatus, string> = {
  faulted: 'a connector faulted',
  offline: 'all stations offline',
  degraded: 'some stations offline',
  charging: 'charging',
  online: 'all online',
  empty: 'no stations',
};
