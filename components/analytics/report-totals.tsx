import { StatCard } from '@/components/dashboard/stat-card';
import { figureLabel, formatFigure } from '@/lib/analytics/figure-labels';
import type { Figures } from '@/lib/analytics/report-types';

/** Headline figures with the previous period beside them. */
export function ReportTotals({ totals, previous, keys }: { totals: Figures; previous: Figures; keys: string[] }) {
  return (
    <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {keys.map((key) => (
        <StatCard key={key} stat={key} label={figureLabel(key)} value={formatFigure(key, totals[key])} detail={`previous period: ${formatFigure(key, previous[key])}`} />
      ))}
    </div>
  );
}
