'use client';

import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';

/** The driver's own transaction events that change a receipt. */
const EVENTS = ['transaction.started', 'transaction.updated', 'transaction.stopped', 'meter.values', 'resync'] as const;
const FALLBACK_POLL_MS = 5000;

/**
 * Keeps a server-rendered page (a session that is still open) current by following the driver's
 * event stream (`/api/driver/events`, only the driver's own transactions): each event re-renders
 * the page in place. Polls only while the stream is down. `data-live` says which.
 */
export function LiveRefresh() {
  const router = useRouter();
  const [live, setLive] = useState<'connecting' | 'stream' | 'polling'>('connecting');
  useEffect(() => {
    const refresh = () => router.refresh();
    let fallback: ReturnType<typeof setInterval> | null = null;
    const streamDown = () => {
      setLive('polling');
      fallback ??= setInterval(refresh, FALLBACK_POLL_MS);
    };
    if (typeof EventSource === 'undefined') {
      streamDown();
      return () => {
        if (fallback) clearInterval(fallback);
      };
    }
    const source = new EventSource('/api/driver/events');
    source.onopen = () => {
      setLive('stream');
      if (fallback) clearInterval(fallback);
      fallback = null;
      refresh(); // what changed while it was connecting
    };
    source.onerror = streamDown;
    source.onmessage = refresh;
    for (const kind of EVENTS) source.addEventListener(kind, refresh);
    return () => {
      source.close();
      if (fallback) clearInterval(fallback);
    };
  }, [router]);
  return <span hidden data-testid="receipt-live" data-live={live} />;
}
