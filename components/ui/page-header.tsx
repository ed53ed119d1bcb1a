import type { ReactNode } from 'react';
import { cn } from '@/lib/utils/cn';

export type PageHeaderProps = {
  title: string;
  description?: ReactNode;
  /** Buttons or links for the page's main actions; they wrap below the title on phones. */
  actions?: ReactNode;
  className?: string;
};

/** The page's <h1>, one per page. */
export function PageHeader({ title, description, actions, className }: PageHeaderProps) {
  return (
    <header className={cn('mb-6 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between', className)}>
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description ? <p className="mt-1 text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </header>
  );
}
