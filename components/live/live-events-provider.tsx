'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import type { CsmsEvent } from '@/lib/bus/events';
import { staleQueryKeys } from './live-query-keys';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';
const LiveStatusContext = createContext<LiveStatus>('connecting');

export const useLiveStatus = () => useContext(LiveStatusContext);

/**
 * One EventSource per tab on /api/v1/events. Events are collected and applied once per animation
 * frame: a burst of 500 meter values costs one invalidation per affected query, not 500.
 */
function LiveEvents({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    const source = new EventSource('/api/v1/events');
    let pending: CsmsEvent[] = [];
    let frame: number | null = null;
    const apply = () => {
      frame = null;
      const keys = new Map<string, readonly unknown[]>();
      let everything = false;
      for (const event of pending) {
        const stale = staleQueryKeys(event);
        if (stale === 'all') everything = true;
        else for (const key of stale) keys.set(JSON.stringify(key), key);
      }
      pending = [];
      if (everything) void queryClient.invalidateQueries();
      else for (const key of keys.values()) void queryClient.invalidateQueries({ queryKey: key });
    };
    const onEvent = (message: MessageEvent<string>) => {
      try {
        pending.push(JSON.parse(message.data) as CsmsEvent);
      } catch {
        return;
      }
      frame ??= requestAnimationFrame(apply);
    };
    const kinds: CsmsEvent['kind'][] = [
      'station.connected', 'station.disconnected', 'station.updated', 'connector.status',
      'transaction.started', 'transaction.stopped', 'transaction.updated', 'meter.values', 'idTag.updated', 'alert.raised', 'alert.cleared', 'command.updated', 'firmware.updated', 'resync',
    ];
    for (const kind of kinds) source.addEventListener(kind, onEvent);
    let everConnected = false;
    source.onopen = () => {
      // After a reconnect the server replays what we missed, or sends resync.
      if (everConnected) void queryClient.invalidateQueries();
      everConnected = true;
      setStatus('live');
    };
    source.onerror = () => setStatus('reconnecting');
    return () => {
      source.close();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [queryClient]);

  return <LiveStatusContext.Provider value={status}>{children}</LiveStatusContext.Provider>;
}

export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } }));
  return (
    <QueryClientProvider client={queryClient}>
      <LiveEvents>{children}</LiveEvents>
    </QueryClientProvider>
  );
}
