import Link from 'next/link';
import { NavLinks } from './nav-links';

export function Brand() {
  return (
    <Link href="/" className="flex min-h-11 items-center rounded-md px-3 text-lg font-semibold tracking-tight">
      CSMS
    </Link>
  );
}

/** The desktop sidebar; below md the same links live in MobileNav's drawer. */
export function Sidebar() {
  return (
    <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col gap-4 overflow-y-auto border-r bg-card p-3 md:flex">
      <Brand />
      <nav aria-label="Main">
        <NavLinks />
      </nav>
    </aside>
  );
}
