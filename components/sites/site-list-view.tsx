'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { fetchJson } from '@/components/live/api-fetch';
import type { SiteStatusSummary } from '@/lib/db/queries/sites';
import { SiteMap } from './site-map';

export interface SiteListItem {
  id: string;
  name: string;
  city: string | null;
  country: string | null;
  timeZone: string;
  latitude: number | null;
  longitude: number | null;
  summary: SiteStatusSummary;
}

const QUERY_KEY = ['stations', 'sites'];

/** The summary line per site; refetched when station events arrive (the ['stations', …] keys are live). */
export function SiteListView({ initial, tileUrl }: { initial: SiteListItem[]; tileUrl: string }) {
  const queryClient = useQueryClient();
  const { data, error } = useQuery({ queryKey: QUERY_KEY, queryFn: async () => (await fetchJson<{ data: SiteListItem[] }>('/api/v1/sites')).data, initialData: initial });
  // A server re-render (e.g. after a site was added) brings a fresher list than the cache holds.
  useEffect(() => {
    queryClient.setQueryData(QUERY_KEY, initial);
  }, [queryClient, initial]);
  return (
    <div className="space-y-3">
      {error ? <Alert variant="error">Could not refresh the sites: {error.message}</Alert> : null}
      <SiteMap sites={data} tileUrl={tileUrl} />
      <Table aria-label="Sites">
        <THead>
          <Tr>
            <Th>Site</Th>
            <Th>Place</Th>
            <Th>Time zone</Th>
            <Th>Stations</Th>
            <Th>Status</Th>
          </Tr>
        </THead>
        <TBody>
          {data.map((site) => (
            <Tr key={site.id} data-site={site.name}>
              <Td>
                <Link className="font-medium underline-offset-2 hover:underline" href={`/sites/${site.id}`}>
                  {site.name}
                </Link>
              </Td>
              <Td className="text-muted-foreground">{[site.city, site.country].filter(Boolean).join(', ') || '—'}</Td>
              <Td className="text-muted-foreground">{site.timeZone}</Td>
              <Td className="tabular-nums">{site.summary.stations}</Td>
              <Td>
                <SiteStatusBadges summary={site.summary} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}

export function SiteStatusBadges({ summary }: { summary: SiteStatusSummary }) {
  if (summary.stations === 0) return <span className="text-sm text-muted-foreground">No stations</span>;
  return (
    <div className="flex flex-wrap gap-1.5">
      <Badge variant="success">{summary.online} online</Badge>
      <Badge variant={summary.offline > 0 ? 'muted' : 'outline'}>{summary.offline} offline</Badge>
      <Badge variant={summary.charging > 0 ? 'default' : 'outline'}>{summary.charging} charging</Badge>
      {summary.faulted > 0 ? <Badge variant="danger">{summary.faulted} faulted</Badge> : null}
    </div>
  );
}
