import type { ReactNode } from 'react';
import { Card, CardContent } from '@/components/ui/card';

/** `stat` names the figure for tests and tools (data-stat); it defaults to the label. */
export function StatCard({ label, value, detail, stat }: { label: string; value: ReactNode; detail?: ReactNode; stat?: string }) {
  return (
    <Card>
      <CardContent className="space-y-1 pt-6">
        <p className="text-sm text-muted-foreground">{label}</p>
        <p className="text-2xl font-semibold tabular-nums" data-stat={stat ?? label}>
          {value}
        </p>
        {detail ? <p className="text-xs text-muted-foreground">{detail}</p> : null}
      </CardContent>
    </Card>
  );
}
