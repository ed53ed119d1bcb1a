'use client';

import { useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { fetchJson } from '@/components/live/api-fetch';
import { useNow } from '@/components/live/use-now';
import { formatAgo } from '@/components/dashboard/format';
import type { StationDetail } from '@/lib/dashboard/get-station-detail';
import { StatusBadge } from './status-badge';
import { ConnectorCard } from './connector-card';
import { StationHistory } from './station-history';
import { StationAdminPanel } from './station-admin-panel';

type Serialized<T> = T extends Date ? string : T extends (infer U)[] ? Serialized<U>[] : T extends object ? { [K in keyof T]: Serialized<T[K]> } : T;
export type StationDetailJson = Serialized<StationDetail>;

export function StationDetailView({ stationId, canAdminister }: { stationId: string; canAdminister: boolean }) {
  const now = useNow();
  const { data, error } = useQuery({
    queryKey: ['station', stationId],
    queryFn: () => fetchJson<StationDetailJson>(`/api/v1/stations/${encodeURIComponent(stationId)}`),
  });
  if (error) return <Alert variant="error">{error.message}</Alert>;
  if (!data) return <p className="text-muted-foreground">Loading…</p>;
  const { station } = data;
  const bootFacts: [string, string | number | null][] = [
    ['Vendor', station.vendor], ['Model', station.model], ['Serial number', station.chargeBoxSerialNumber ?? station.serialNumber],
    ['Firmware', station.firmwareVersion], ['ICCID', station.iccid], ['IMSI', station.imsi], ['Meter', [station.meterType, station.meterSerialNumber].filter(Boolean).join(' · ') || null],
    ['Last boot', station.lastBootAt], ['Clock skew', station.clockSkewMs == null ? null : `${station.clockSkewMs} ms`],
    ['Heartbeat interval', station.heartbeatIntervalS == null ? null : `${station.heartbeatIntervalS} s`], ['Protocol', station.protocol], ['OCPP node', station.nodeId],
  ];
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center gap-2" aria-label="Station status">
        <StatusBadge status={station.online ? 'available' : 'offline'} />
        <span className="sr-only">Connection:</span>
        <span className="text-sm">{station.online ? 'Online' : 'Offline'} · last seen {formatAgo(station.lastSeenAt, now)}</span>
        {station.registrationStatus !== 'accepted' ? <StatusBadge status={station.registrationStatus} /> : null}
      </div>
      <section aria-label="Connectors" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {data.connectors.length === 0 ? <p className="text-muted-foreground">No StatusNotification received yet.</p> : null}
        {data.connectors.map((connector) => (
          <ConnectorCard key={connector.connectorId} connector={connector} now={now} />
        ))}
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Boot data</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              {bootFacts.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-muted-foreground">{label}</dt>
                  <dd className="break-all">{value ?? '—'}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
        <StationAdminPanel station={station} canAdminister={canAdminister} />
      </div>
      <StationHistory statusHistory={data.statusHistory} connections={data.connections} anomalies={data.anomalies} />
    </div>
  );
}
