'use client';

import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Alert } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button';
import { fetchJson } from '@/components/live/api-fetch';
import type { Overview } from '@/lib/dashboard/get-overview';
import { StatCard } from './stat-card';
import { FleetPowerChart } from './fleet-power-chart';
import { joinPowerPoints, thinLivePoints, type PowerPoint } from '@/lib/dashboard/power-points';
import { LiveSessionsTable } from './live-sessions-table';
import { formatKw, formatKwh } from './format';
import { formatMinorUnits } from '@/lib/pricing/currency';

const HISTORY_HOURS = 6;
const WINDOW_MS = HISTORY_HOURS * 3_600_000;

export function OverviewView() {
  const { data, error } = useQuery({ queryKey: ['overview'], queryFn: () => fetchJson<Overview>('/api/v1/overview') });
  // Loaded once per visit: the 5-minute history from the database; live points are appended to it.
  const history = useQuery({
    queryKey: ['fleet-power', HISTORY_HOURS],
    queryFn: () => fetchJson<{ bucketMinutes: number; points: PowerPoint[] }>(`/api/v1/overview/power?hours=${HISTORY_HOURS}`),
    staleTime: Infinity,
  });
  const [livePoints, setLivePoints] = useState<PowerPoint[]>([]);
  useEffect(() => {
    if (!data) return;
    const at = Date.parse(data.at);
    // Appending on each refetch (driven by live events) is the chart's live data source.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setLivePoints((previous) => thinLivePoints([...previous.filter((point) => point.at > at - WINDOW_MS && point.at < at), { at, kw: data.powerW / 1000 }], at));
  }, [data]);
  const points = joinPowerPoints(history.data?.points ?? [], livePoints);

  if (error) return <Alert variant="error">Could not load the overview: {error.message}</Alert>;
  if (!data) return <p className="text-muted-foreground">Loading…</p>;
  if (data.stations.total === 0) {
    return (
      <EmptyState
        title="No stations yet"
        description="Point a charging station at ws://<host>:9000/ocpp/<stationId>, or run `npm run simulate` to connect simulated ones. They appear here as they boot."
        action={<Link className={buttonVariants()} href="/stations">Go to stations</Link>}
      />
    );
  }
  const now = Date.parse(data.at);
  return (
    <div className="grid gap-6">
      <section aria-label="Fleet" className="grid grid-cols-2 gap-4 lg:grid-cols-5">
        <StatCard label="Stations online" value={`${data.stations.online} / ${data.stations.total}`} detail={`${data.stations.offline} offline · ${data.stations.faulted} faulted · ${data.stations.pending} pending`} />
        <StatCard label="Connectors charging" value={data.connectors.charging} detail={`${data.connectors.available} available · ${data.connectors.occupied} occupied · ${data.connectors.unavailable + data.connectors.faulted} out of order`} />
        <StatCard label="Power now" value={formatKw(data.powerW)} detail={`${data.activeSessions} active sessions`} />
        <StatCard label="Energy today" value={formatKwh(data.energyTodayWh)} detail={energyDetail(data)} />
        <StatCard
          label="Revenue today"
          value={data.revenueToday.length === 0 ? '—' : data.revenueToday.map((revenue) => formatMinorUnits(revenue.gross, revenue.currency)).join(' · ')}
          detail="incl. VAT: stopped today and running sessions so far"
        />
      </section>
      <Card>
        <CardHeader>
          <CardTitle>Fleet power</CardTitle>
        </CardHeader>
        <CardContent>
          <FleetPowerChart points={points} />
        </CardContent>
      </Card>
      <section aria-labelledby="live-sessions" className="space-y-3">
        <h2 id="live-sessions" className="text-lg font-semibold">Live sessions</h2>
        {data.liveSessions.length === 0 ? <p className="text-muted-foreground">No session is running.</p> : <LiveSessionsTable sessions={data.liveSessions} now={now} />}
      </section>
    </div>
  );
}

/** Per site when there are several: each counts from its own local midnight. */
function energyDetail(data: Overview): string {
  if (data.energyTodayBySite.length === 0) return 'since local midnight of each site';
  if (data.energyTodayBySite.length === 1) return `since midnight ${data.energyTodayBySite[0]!.timeZone}`;
  return data.energyTodayBySite.map((site) => `${site.siteName ?? 'No site'} ${formatKwh(site.energyWh)}`).join(' · ');
}
