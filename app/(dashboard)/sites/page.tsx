import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { SiteForm } from '@/components/sites/site-form';
import { SiteListView } from '@/components/sites/site-list-view';
import { requireUser } from '@/lib/auth/session';
import { roleAllows } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { listSitesWithSummary } from '@/lib/db/queries/sites';
import { listTimeZones } from '@/lib/sites/time-zone';
import { getEnv } from '@/lib/env';
import { createSiteAction } from './actions';

export default async function SitesPage() {
  const user = await requireUser();
  const sites = await listSitesWithSummary(getDb());
  const isAdmin = roleAllows(user.role, 'admin');
  return (
    <>
      <PageHeader title="Sites" description="Where stations stand: address, coordinates and the time zone their tariffs follow." />
      <div className="grid gap-6">
        {sites.length === 0 ? (
          <EmptyState title="No sites yet" description={isAdmin ? 'Create a site below, then assign stations to it.' : 'An admin creates sites and assigns stations to them.'} />
        ) : (
          <SiteListView
            initial={sites.map(({ id, name, city, country, timeZone, latitude, longitude, summary }) => ({ id, name, city, country, timeZone, latitude, longitude, summary }))}
            tileUrl={getEnv().MAP_TILE_URL}
          />
        )}
        {isAdmin ? (
          <Card>
            <CardHeader>
              <CardTitle>Add a site</CardTitle>
              <CardDescription>Sites with coordinates appear on the map above.</CardDescription>
            </CardHeader>
            <CardContent>
              <SiteForm action={createSiteAction} timeZones={listTimeZones()} submitLabel="Add site" />
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
