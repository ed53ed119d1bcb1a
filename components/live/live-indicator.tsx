'use client';

import { cn } from '@/lib/utils/cn';
import { useLiveStatus } from './live-events-provider';

const labels = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' } as const;

/** Tells the operator whether what they see is current. */
export function LiveIndicator() {
  const status = useLiveStatus();
  return (
    <span role="status" aria-live="polite" data-status={status} className="flex items-center gap-1.5 text-xs text-muted-foreground">
      <span
        aria-hidden
        className={cn('size-2 rounded-full', status === 'live' ? 'bg-success' : status === 'reconnecting' ? 'animate-pulse bg-warning' : 'bg-muted-foreground')}
      />
      {labels[status]}
    </span>
  );
}
