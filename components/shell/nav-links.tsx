'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/components/live/api-fetch';
import { cn } from '@/lib/utils/cn';
import { isActivePath, navItems } from './nav-items';

/** The list of area links; the current area is highlighted and marked aria-current="page". */
export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  // null outside the app router (e.g. a component test); then no link is marked current.
  const pathname = usePathname() ?? '';
  // Open alerts as a badge on "Alerts"; refreshed by alert.* live events.
  const { data: alertCount } = useQuery({
    queryKey: ['alerts', 'count'],
    queryFn: () => fetchJson<{ open: number; unacknowledged: number }>('/api/v1/alerts/count'),
  });
  return (
    <ul className="flex flex-col gap-1">
      {navItems.map((item) => {
        const active = isActivePath(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? 'page' : undefined}
              onClick={onNavigate}
              className={cn(
                'flex min-h-11 items-center rounded-md px-3 text-sm font-medium transition-colors',
                active ? 'bg-primary/10 text-primary dark:bg-primary/20' : 'text-muted-foreground hover:bg-muted hover:text-foreground',
              )}
            >
              {item.label}
              {item.href === '/alerts' && alertCount?.open ? (
                <span className="ml-auto rounded-full bg-danger px-2 text-xs text-white" aria-label={`${alertCount.open} open alerts`}>
                  {alertCount.open}
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
