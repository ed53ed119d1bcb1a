import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { DeleteSiteButton } from '@/components/sites/delete-site-button';
import { SiteForm, type SiteFormValues } from '@/components/sites/site-form';
import { SiteStatusBadges } from '@/components/sites/site-list-view';
import { SiteStationsForm } from '@/components/sites/site-stations-form';
import { requireUser } from '@/lib/auth/session';
import { roleAllows } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { listStationsWithSite } from '@/lib/db/queries/sites';
import { AppError } from '@/lib/errors';
import { getSiteDetail } from '@/lib/sites/get-site-detail';
import { listTimeZones } from '@/lib/sites/time-zone';
import { assignStationsAction, deleteSiteAction, updateSiteAction } from '../actions';

async function loadSite(id: string) {
  if (!z.uuid().safeParse(id).success) notFound();
  try {
    return await getSiteDetail(getDb(), id);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

export default async function SitePage({ params }: { params: Promise<{ siteId: string }> }) {
  const user = await requireUser();
  const site = await loadSite((await params).siteId);
  const isAdmin = roleAllows(user.role, 'admin');
  const address = [site.addressLine, [site.postalCode, site.city].filter(Boolean).join(' '), site.country].filter(Boolean).join(', ');
  return (
    <>
      <PageHeader
        title={site.name}
        description={`${address || 'No address'} · ${site.timeZone}${site.latitude != null ? ` · ${site.latitude}, ${site.longitude}` : ''}`}
        actions={
          <Button asChild variant="outline">
            <Link href="/sites">All sites</Link>
          </Button>
        }
      />
      <div className="grid gap-6">
        <section aria-labelledby="site-stations" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="site-stations" className="text-lg font-semibold">Stations</h2>
            <SiteStatusBadges summary={site.summary} />
          </div>
          {site.stations.length === 0 ? (
            <p className="text-muted-foreground">No station is assigned to this site.</p>
          ) : (
            <Table aria-label="Stations of this site">
              <THead>
                <Tr>
                  <Th>Station</Th>
                  <Th>Vendor / model</Th>
                  <Th>Connection</Th>
                </Tr>
              </THead>
              <TBody>
                {site.stations.map((station) => (
                  <Tr key={station.id}>
                    <Td>
                      <Link className="font-medium underline-offset-2 hover:underline" href={`/stations/${encodeURIComponent(station.id)}`}>
                        {station.id}
                      </Link>
                    </Td>
                    <Td className="text-muted-foreground">{[station.vendor, station.model].filter(Boolean).join(' ') || '—'}</Td>
                    <Td>{station.online ? 'Online' : 'Offline'}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </section>
        {isAdmin ? <AdminCards site={site} /> : <p className="text-sm text-muted-foreground">Only admins can change sites.</p>}
      </div>
    </>
  );
}

function formValuesOf(site: Awaited<ReturnType<typeof loadSite>>): SiteFormValues {
  const { id, name, addressLine, postalCode, city, country, latitude, longitude, timeZone } = site;
  return { id, name, addressLine, postalCode, city, country, latitude, longitude, timeZone };
}

async function AdminCards({ site }: { site: Awaited<ReturnType<typeof loadSite>> }) {
  const stations = await listStationsWithSite(getDb());
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>Assign stations</CardTitle>
          <CardDescription>A station belongs to one site; ticking one that is elsewhere moves it here.</CardDescription>
        </CardHeader>
        <CardContent>
          <SiteStationsForm siteId={site.id} stations={stations} action={assignStationsAction} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Edit site</CardTitle>
        </CardHeader>
        <CardContent>
          <SiteForm action={updateSiteAction} site={formValuesOf(site)} timeZones={listTimeZones()} submitLabel="Save site" />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Delete site</CardTitle>
          <CardDescription>Only a site without stations can be deleted.</CardDescription>
        </CardHeader>
        <CardContent>
          <DeleteSiteButton site={{ id: site.id, name: site.name }} action={deleteSiteAction} />
        </CardContent>
      </Card>
    </>
  );
}
