'use client';

import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';

/** The driver's own transaction events that change a receipt. */
const RECEIPT_EVENTS = ['transaction.started', 'transaction.updated', 'transaction.stopped', 'meter.values'] as const;
const FALLBACK_POLL_MS = 5000;

/**
 * Keeps a server-rendered page current by following the driver's event stream
 * (`/api/driver/events`, only the driver's own transactions and payments): each event of `kinds`
 * (whose data has the fields of `only`, when given) re-renders the page in place; `resync` always
 * does. Polls only while the stream is down. `data-live` (on the `testId` element) says which.
 */
export function LiveRefresh({ kinds = RECEIPT_EVENTS, only, testId = 'receipt-live' }: { kinds?: readonly string[]; only?: Record<string, string>; testId?: string }) {
  const router = useRouter();
  const [live, setLive] = useState<'connecting' | 'stream' | 'polling'>('connecting');
  const kindList = kinds.join(',');
  const onlyJson = JSON.stringify(only ?? {});
  useEffect(() => {
    const refresh = () => router.refresh();
    const wanted = JSON.parse(onlyJson) as Record<string, string>;
    const onEvent = (message: MessageEvent<string>) => {
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse(message.data) as Record<string, unknown>;
      } catch {
        // not ours to judge: refresh
      }
      if (Object.entries(wanted).every(([key, value]) => data[key] === undefined || data[key] === value)) refresh();
    };
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
    for (const kind of kindList.split(',')) source.addEventListener(kind, onEvent);
    source.addEventListener('resync', refresh);
    return () => {
      source.close();
      if (fallback) clearInterval(fallback);
    };
  }, [router, kindList, onlyJson]);
  return <span hidden data-testid={testId} data-live={live} />;
}
