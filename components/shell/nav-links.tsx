'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/utils/cn';
import { isActivePath, navItems } from './nav-items';

/** The list of area links; the current area is highlighted and marked aria-current="page". */
export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  // null outside the app router (e.g. a component test); then no link is marked current.
  const pathname = usePathname() ?? '';
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
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
