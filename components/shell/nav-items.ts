/** Every product area, in sidebar order. */
export const navItems = [
  { href: '/', label: 'Overview' },
  { href: '/stations', label: 'Stations' },
  { href: '/sites', label: 'Sites' },
  { href: '/sessions', label: 'Sessions' },
  { href: '/alerts', label: 'Alerts' },
  { href: '/drivers', label: 'Drivers & tags' },
  { href: '/billing', label: 'Tariffs & billing' },
  { href: '/maintenance', label: 'Maintenance' },
  { href: '/analytics', label: 'Analytics' },
  { href: '/settings', label: 'Settings' },
] as const;

/** '/' matches only itself; other areas also match their sub-pages (/stations/CP-1 → Stations). */
export function isActivePath(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}
