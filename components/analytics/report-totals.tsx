import { StatCard } from '@/components/dashboard/stat-card';
import type { Figures } from '@/lib/analytics/report-types';

const format = (key: string, value: Figures[string] | undefined) => {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number' && /Share$|^uptime$/.test(key)) return `${(value * 100).toFixed(1)} %`;
  return typeof value === 'number' ? value.toLocaleString('en') : value;
};

/** Headline figures with the previous period beside them. */
export function ReportTotals({ totals, previous, keys }: { totals: Figures; previous: Figures; keys: string[] }) {
  return (
    <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {keys.map((key) => (
        <StatCard key={key} label={key} value={format(key, totals[key])} detail={`previous period: ${format(key, previous[key])}`} />
      ))}
    </div>
  );
}
