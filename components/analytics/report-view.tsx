import { OccupancyHeatmap } from './occupancy-heatmap';
import { ReportBarChart } from './report-chart';
import { ReportTable } from './report-table';
import { ReportTotals } from './report-totals';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { figureLabel, formatFigure } from '@/lib/analytics/figure-labels';
import type { Figures, Report } from '@/lib/analytics/report-types';

const HEADLINES: Record<Report['report'], string[]> = {
  utilization: ['chargingShare', 'idleShare', 'availableShare', 'faultedShare', 'offlineShare'],
  energy: ['sessions', 'energyKwh', 'avgDurationMinutes', 'avgEnergyKwh', 'peakPowerKw'],
  revenue: ['sessions', 'net', 'vat', 'gross', 'currency'],
  uptime: ['uptime', 'ports', 'portsBelowTarget'],
  faults: ['faults', 'mtbfHours', 'mttrMinutes'],
};

function TopBottom({ rows, by }: { rows: Figures[]; by: string }) {
  const sorted = [...rows].sort((a, b) => Number(b[by] ?? 0) - Number(a[by] ?? 0));
  const list = (title: string, items: Figures[]) => (
    <div>
      <h3 className="mb-1 text-sm font-medium">{title}</h3>
      <Table aria-label={title}>
        <THead>
          <Tr>
            <Th>Station</Th>
            <Th>{figureLabel(by)}</Th>
          </Tr>
        </THead>
        <TBody>
          {items.map((row) => (
            <Tr key={String(row.stationId)}>
              <Td>{row.stationId}</Td>
              <Td className="tabular-nums">{formatFigure(by, row[by])}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {list('Top stations', sorted.slice(0, 5))}
      {list('Bottom stations', sorted.slice(-5).reverse())}
    </div>
  );
}

function Charts({ report }: { report: Report }) {
  const extra = report.extra as Record<string, unknown>;
  switch (report.report) {
    case 'utilization':
      return (
        <div className="space-y-6">
          <ReportBarChart
            title="Share of time per state"
            unit=" %"
            bars={['charging', 'idle', 'available', 'unavailable', 'faulted', 'offline'].map((s) => ({ label: figureLabel(`${s}Share`), value: Math.round(Number(report.totals[`${s}Share`] ?? 0) * 1000) / 10 }))}
          />
          <OccupancyHeatmap cells={extra.heatmap as { weekday: number; hour: number; occupiedShare: number | null }[]} />
          <TopBottom rows={report.rows.map((r) => ({ ...r, occupiedShare: Number(r.chargingShare ?? 0) + Number(r.idleShare ?? 0) }))} by="occupiedShare" />
        </div>
      );
    case 'energy':
      return (
        <div className="space-y-6">
          <ReportBarChart title="Session lengths" bars={(extra.lengths as { bucket: string; sessions: number }[]).map((b) => ({ label: b.bucket, value: b.sessions }))} />
          <TopBottom rows={report.rows} by="energyKwh" />
        </div>
      );
    case 'revenue':
      return <ReportBarChart title="Gross revenue by site and tariff" bars={report.rows.map((r) => ({ label: `${r.siteName} · ${r.tariffName}`, value: Number(r.gross) }))} />;
    case 'uptime':
      return (
        <ReportBarChart
          title="Uptime per port and month"
          unit=" %"
          target={97}
          bars={report.rows.map((r) => ({ label: `${r.stationId}/${r.connectorId} ${r.month}`, value: Math.round(Number(r.uptime ?? 0) * 1000) / 10 }))}
        />
      );
    case 'faults':
      return <ReportBarChart title="Faults by error code" bars={(extra.byErrorCode as Figures[]).map((r) => ({ label: String(r.errorCode), value: Number(r.faults) }))} />;
  }
}

/** One report: headline figures vs the previous period, its charts, and its table. */
export function ReportView({ report }: { report: Report }) {
  return (
    <div className="space-y-6">
      <ReportTotals totals={report.totals} previous={report.previous} keys={HEADLINES[report.report]} />
      <Charts report={report} />
      {report.report === 'uptime' && (report.extra.below as unknown[]).length > 0 ? (
        <p className="text-sm">Ports below 97 %: {(report.extra.below as { stationId: string; connectorId: number; month: string }[]).map((b) => `${b.stationId}/${b.connectorId} (${b.month})`).join(', ')}</p>
      ) : null}
      <ReportTable label={`${report.report} table`} columns={report.columns} rows={report.rows} />
    </div>
  );
}
