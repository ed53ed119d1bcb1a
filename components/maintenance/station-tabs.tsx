import Link from 'next/link';

export const stationTabs = [
  { id: 'overview', label: 'Overview' },
  { id: 'maintenance', label: 'Maintenance' },
  { id: 'configuration', label: 'Configuration' },
  { id: 'messages', label: 'OCPP messages' },
  { id: 'security', label: 'Security' },
  { id: 'access', label: 'Access' },
] as const;
export type StationTab = (typeof stationTabs)[number]['id'];

export function parseStationTab(value: string | undefined): StationTab {
  return stationTabs.find((tab) => tab.id === value)?.id ?? 'overview';
}

/**
 * The station page's sections, as links (`?tab=`): shareable, and the back button works. Not prefetched:
 * server-rendered tabs (Security) must show what the station sent up to the click, not at page load.
 */
export function StationTabs({ stationId, active }: { stationId: string; active: StationTab }) {
  const base = `/stations/${encodeURIComponent(stationId)}`;
  return (
    <nav aria-label="Station sections" className="mb-6 flex flex-wrap gap-x-6 gap-y-2 border-b text-sm">
      {stationTabs.map((tab) => (
        <Link
          key={tab.id}
          prefetch={false}
          href={tab.id === 'overview' ? base : `${base}?tab=${tab.id}`}
          aria-current={tab.id === active ? 'page' : undefined}
          className="-mb-px border-b-2 border-transparent pb-2 text-muted-foreground hover:text-foreground aria-[current=page]:border-primary aria-[current=page]:font-semibold aria-[current=page]:text-foreground"
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
