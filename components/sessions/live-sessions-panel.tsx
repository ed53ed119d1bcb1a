'use client';

import { useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { fetchJson } from '@/components/live/api-fetch';
import { useNow } from '@/components/live/use-now';
import { LiveSessionsTable } from '@/components/dashboard/live-sessions-table';
import type { LiveSessionWithCost } from '@/lib/dashboard/attach-costs';

/** Open sessions (of one site, when given), refreshed by live events (query key ['sessions']). */
export function LiveSessionsPanel({ siteId }: { siteId?: string }) {
  const now = useNow();
  const { data, error } = useQuery({
    queryKey: ['sessions', 'live', siteId ?? ''],
    queryFn: () => fetchJson<{ data: LiveSessionWithCost[] }>(`/api/v1/transactions/live${siteId ? `?siteId=${encodeURIComponent(siteId)}` : ''}`),
  });
  if (error) return <Alert variant="error">{error.message}</Alert>;
  if (!data) return <p className="text-muted-foreground">Loading…</p>;
  if (data.data.length === 0) return <p className="text-muted-foreground">No session is running.</p>;
  return <LiveSessionsTable sessions={data.data} now={now} />;
}
