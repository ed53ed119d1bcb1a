import Link from 'next/link';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatKwh } from '@/components/dashboard/format';
import { formatMinorUnits } from '@/lib/pricing/currency';
import type { DriverSessionRow } from '@/lib/driver-portal/driver-history';
import type { TotalBasis } from '@/lib/billing/transaction-billing';

/** Said under an amount that can still change; an invoiced amount (per session or monthly) says nothing. */
const NOT_FINAL: Partial<Record<TotalBasis, string>> = { estimate: 'So far', tariff: 'Estimate, not invoiced yet', monthly_pending: 'Monthly invoice not issued yet' };

const when = (date: Date) => date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';

/**
 * The driver's sessions as large tappable rows (phone first), each opening its receipt, with the
 * amount that receipt shows (its `total`) and a hint while that amount is not final.
 */
export function SessionList({ sessions }: { sessions: DriverSessionRow[] }) {
  if (sessions.length === 0) return <EmptyState title="No sessions yet" description="Scan the QR code on a charging station to start." />;
  return (
    <ul className="space-y-2">
      {sessions.map((s) => (
        <li key={s.id}>
          <Link href={`/driver/sessions/${s.id}`} className="block">
            <Card className="transition-colors hover:bg-muted">
              <CardContent className="flex items-center justify-between gap-3 pt-4 sm:pt-4">
                <div>
                  <p className="font-medium">{`${s.stationId} · connector ${s.connectorId}`}</p>
                  <p className="text-sm text-muted-foreground">{when(s.startedAt)}</p>
                </div>
                <div className="text-right">
                  <p className="font-semibold tabular-nums" data-testid="session-total">
                    {s.total ? formatMinorUnits(s.total.gross, s.total.currency) : '—'}
                  </p>
                  {s.total && NOT_FINAL[s.total.basis] ? <p className="text-xs text-muted-foreground">{NOT_FINAL[s.total.basis]}</p> : null}
                  <p className="text-sm text-muted-foreground">{s.stoppedAt ? formatKwh(s.energyWh) : 'Charging now'}</p>
                </div>
              </CardContent>
            </Card>
          </Link>
        </li>
      ))}
    </ul>
  );
}
