'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/components/live/api-fetch';
import type { StationDetailJson } from '@/components/stations/station-detail-view';

/** The station detail under the same key as the overview tab, so live events refresh both. */
export function useStation(stationId: string) {
  return useQuery({
    queryKey: ['station', stationId],
    queryFn: () => fetchJson<StationDetailJson>(`/api/v1/stations/${encodeURIComponent(stationId)}`),
  });
}

/** Why commands cannot be sent now, or null. */
export function commandBlocker(station: StationDetailJson['station'] | undefined, canSend: boolean): string | null {
  if (!canSend) return 'Viewers cannot send commands.';
  if (!station) return 'Loading…';
  if (!station.online) return 'The station is offline.';
  return null;
}
