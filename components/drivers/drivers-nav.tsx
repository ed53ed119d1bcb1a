import Link from 'next/link';
import { cn } from '@/lib/utils/cn';

const sections = [
  { href: '/drivers', label: 'Drivers' },
  { href: '/drivers/tags', label: 'Id tags' },
  { href: '/drivers/import', label: 'Import & export' },
  { href: '/drivers/stickers', label: 'QR stickers' },
] as const;

/** The sections of Drivers & tags; `current` is the href of the one shown. */
export function DriversNav({ current }: { current: (typeof sections)[number]['href'] }) {
  return (
    <nav aria-label="Drivers & tags" className="mb-6 flex flex-wrap gap-1 border-b">
      {sections.map((section) => (
        <Link
          key={section.href}
          href={section.href}
          aria-current={section.href === current ? 'page' : undefined}
          className={cn(
            '-mb-px inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-medium sm:min-h-10',
            section.href === current ? 'border-primary text-foreground' : 'border-transparent text-muted-foreground hover:text-foreground',
          )}
        >
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
