import type { ReactNode } from 'react';
import { cn } from '@/lib/utils/cn';

export type EmptyStateProps = {
  title: string;
  /** What will appear here, and what to do next to get there. */
  description: ReactNode;
  /** Optional next step, e.g. <Button asChild><Link href="/stations/new">Add station</Link></Button>. */
  action?: ReactNode;
  className?: string;
};

export function EmptyState({ title, description, action, className }: EmptyStateProps) {
  return (
    <section
      className={cn('flex flex-col items-center gap-3 rounded-lg border border-dashed px-4 py-10 text-center sm:px-8 sm:py-14', className)}
    >
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="max-w-prose text-sm text-muted-foreground">{description}</div>
      {action ? <div className="mt-2 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </section>
  );
}
