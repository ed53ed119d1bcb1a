'use client';

import { useDeferredValue, useRef, useState } from 'react';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { Alert } from '@/components/ui/alert';
import { fetchJson } from '@/components/live/api-fetch';
import { useNow } from '@/components/live/use-now';
import { formatAgo } from '@/components/dashboard/format';
import type { StationListRow } from '@/lib/db/queries/station-list';
import { StatusBadge } from './status-badge';

interface StationListResponse {
  data: StationListRow[];
  total: number;
  vendors: string[];
  models: string[];
  sites: { id: string; name: string }[];
}

const ROW_HEIGHT = 56;
const columns = 'grid grid-cols-[minmax(8rem,1.4fr)_minmax(7rem,1fr)_minmax(6rem,1fr)_6rem_8rem] items-center gap-3 px-4';

/** Filters and sort go to the API; rows are virtualised so 10,000 stations stay smooth. */
export function StationListView() {
  const now = useNow();
  const [filters, setFilters] = useState({ q: '', status: '', siteId: '', vendor: '', model: '', registration: '', sort: 'id' });
  const deferred = useDeferredValue(filters);
  const params = new URLSearchParams(Object.entries(deferred).filter(([, value]) => value !== ''));
  const { data, error } = useQuery({
    queryKey: ['stations', params.toString()],
    queryFn: () => fetchJson<StationListResponse>(`/api/v1/stations?${params}`),
    placeholderData: (previous) => previous,
  });
  const scroller = useRef<HTMLDivElement>(null);
  const rows = data?.data ?? [];
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions by design.
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const set = (key: keyof typeof filters) => (event: { target: { value: string } }) => setFilters((current) => ({ ...current, [key]: event.target.value }));

  return (
    <div className="space-y-4">
      <form role="search" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-7" onSubmit={(event) => event.preventDefault()}>
        <div className="space-y-1 sm:col-span-2">
          <Label htmlFor="station-search">Search</Label>
          <Input id="station-search" type="search" placeholder="id, vendor, model, serial" value={filters.q} onChange={set('q')} />
        </div>
        <Filter id="status" label="Status" value={filters.status} onChange={set('status')} options={same(['available', 'charging', 'occupied', 'faulted', 'unavailable', 'offline'])} />
        <Filter id="site" label="Site" value={filters.siteId} onChange={set('siteId')} options={(data?.sites ?? []).map((site) => [site.id, site.name] as const)} />
        <Filter id="vendor" label="Vendor" value={filters.vendor} onChange={set('vendor')} options={same(data?.vendors ?? [])} />
        <Filter id="model" label="Model" value={filters.model} onChange={set('model')} options={same(data?.models ?? [])} />
        <Filter id="registration" label="Registration" value={filters.registration} onChange={set('registration')} options={same(['accepted', 'pending', 'rejected'])} />
      </form>
      <div className="flex items-center justify-between text-sm text-muted-foreground">
        <span aria-live="polite">{data ? `${data.total} station${data.total === 1 ? '' : 's'}` : 'Loading…'}</span>
        <label className="flex items-center gap-2">
          Sort by
          <NativeSelect value={filters.sort} onChange={set('sort')} className="w-36">
            <option value="id">Id</option>
            <option value="status">Status</option>
            <option value="lastSeenAt">Last seen</option>
            <option value="vendor">Vendor</option>
            <option value="model">Model</option>
          </NativeSelect>
        </label>
      </div>
      {error ? <Alert variant="error">Could not load stations: {error.message}</Alert> : null}
      <div className="overflow-x-auto rounded-lg border border-border">
        <div className="min-w-[40rem]">
          <div className={`${columns} h-10 border-b border-border bg-muted/50 text-xs font-medium text-muted-foreground`} role="presentation">
            <span>Station</span>
            <span>Vendor / model</span>
            <span>Connectors</span>
            <span>Status</span>
            <span>Last seen</span>
          </div>
          <div ref={scroller} className="max-h-[65vh] overflow-y-auto" role="list" aria-label="Stations">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const station = rows[item.index]!;
                return (
                  <div
                    key={station.id}
                    role="listitem"
                    data-station={station.id}
                    className={`${columns} absolute inset-x-0 border-b border-border text-sm`}
                    style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  >
                    {/* No prefetch: every scroll step brings ~20 new links into view, and prefetching each made scrolling stutter (bench live). */}
                    <Link href={`/stations/${encodeURIComponent(station.id)}`} prefetch={false} className="truncate font-medium underline-offset-2 hover:underline">
                      {station.id}
                    </Link>
                    <span className="truncate text-muted-foreground">{[station.vendor, station.model].filter(Boolean).join(' · ') || '—'}</span>
                    <span>{station.connectorCount} ({station.chargingCount} charging)</span>
                    <span className="flex flex-wrap gap-1">
                      <StatusBadge status={station.status} />
                      {station.registrationStatus !== 'accepted' ? <StatusBadge status={station.registrationStatus} /> : null}
                    </span>
                    <span className="text-muted-foreground">{formatAgo(station.lastSeenAt, now)}</span>
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}

const same = (values: string[]) => values.map((value) => [value, value] as const);

function Filter(props: { id: string; label: string; value: string; options: readonly (readonly [string, string])[]; onChange: (event: { target: { value: string } }) => void }) {
  return (
    <div className="space-y-1">
      <Label htmlFor={`filter-${props.id}`}>{props.label}</Label>
      <NativeSelect id={`filter-${props.id}`} value={props.value} onChange={props.onChange}>
        <option value="">All</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
