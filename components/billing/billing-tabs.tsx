import Link from 'next/link';
import { cn } from '@/lib/utils/cn';

const TABS = [
  { href: '/billing', label: 'Tariffs' },
  { href: '/billing/invoices', label: 'Invoices' },
  { href: '/billing/wallets', label: 'Wallets' },
  { href: '/billing/plans', label: 'Plans' },
];

/** The areas of billing, above each billing page. */
export function BillingTabs({ current }: { current: string }) {
  return (
    <nav aria-label="Billing" className="mb-6 flex gap-1 border-b">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? 'page' : undefined}
          className={cn('-mb-px border-b-2 px-3 py-2 text-sm', tab.href === current ? 'border-primary font-medium' : 'border-transparent text-muted-foreground hover:text-foreground')}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
