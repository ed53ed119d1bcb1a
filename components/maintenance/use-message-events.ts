'use client';

import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';

/**
 * The inspector's own event stream, filtered to one station: `message.logged` (sent only to
 * filtered streams, as every frame of the fleet raises one) marks the station's message log stale.
 */
export function useMessageEvents(stationId: string, enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource(`/api/v1/events?stationId=${encodeURIComponent(stationId)}`);
    let frame: number | null = null;
    const stale = () => {
      frame ??= requestAnimationFrame(() => {
        frame = null;
        void queryClient.invalidateQueries({ queryKey: ['messages', stationId] });
      });
    };
    source.addEventListener('message.logged', stale);
    // After a reconnect, frames logged meanwhile are re-read.
    source.onopen = stale;
    return () => {
      source.close();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [queryClient, stationId, enabled]);
}
