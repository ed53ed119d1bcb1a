import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { AssignTariffForm } from '@/components/billing/assign-tariff-form';
import { AssignmentList } from '@/components/billing/assignment-list';
import { TariffEditor } from '@/components/billing/tariff-editor';
import { requireUser } from '@/lib/auth/session';
import { roleAllows } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { listSitesWithSummary, listStationsWithSite } from '@/lib/db/queries/sites';
import { getLatestTariffVersion } from '@/lib/db/queries/tariffs';
import { AppError } from '@/lib/errors';
import { listTimeZones } from '@/lib/sites/time-zone';
import { getTariffDetail } from '@/lib/tariffs/get-tariff';
import { assignTariffAction, removeAssignmentAction, saveTariffAction } from '../../actions';

async function loadTariff(id: string) {
  if (!z.uuid().safeParse(id).success) notFound();
  try {
    return await getTariffDetail(getDb(), id);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

export default async function TariffPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const user = await requireUser();
  const tariff = await loadTariff((await params).id);
  const db = getDb();
  const [version, sites, stations] = await Promise.all([getLatestTariffVersion(db, tariff.id), listSitesWithSummary(db), listStationsWithSite(db)]);
  const isAdmin = roleAllows(user.role, 'admin');
  const siteZone = sites.find((site) => tariff.assignments.some((a) => a.siteId === site.id))?.timeZone ?? sites[0]?.timeZone ?? 'UTC';
  return (
    <>
      <PageHeader
        title={tariff.name}
        description={`Version ${tariff.version} of ${new Date(tariff.last_updated).toLocaleString()}. ${isAdmin ? 'Saving adds a version; sessions already started keep theirs.' : 'Read only: only admins change tariffs.'}`}
        actions={
          <>
            {tariff.is_default ? <Badge variant="success">Default</Badge> : null}
            <Link className={buttonVariants({ variant: 'outline' })} href="/billing">
              All tariffs
            </Link>
          </>
        }
      />
      <div className="grid gap-6">
        {(await searchParams).created ? <Alert variant="success">Tariff created. Assign it below, or make it the default.</Alert> : null}
        <TariffEditor
          action={isAdmin ? saveTariffAction : undefined}
          tariffId={tariff.id}
          name={tariff.name}
          isDefault={tariff.is_default}
          initial={version!.tariff}
          readOnly={!isAdmin}
          previewZones={listTimeZones()}
          previewZone={siteZone}
          today={new Date().toISOString().slice(0, 10)}
        />
        <Card>
          <CardHeader>
            <CardTitle>Where it applies</CardTitle>
            <CardDescription>Connector beats station beats site beats the default.</CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            <AssignmentList assignments={tariff.assignments} removeAction={isAdmin ? removeAssignmentAction : undefined} />
            {isAdmin ? <AssignTariffForm tariffId={tariff.id} sites={sites.map(({ id, name }) => ({ id, name }))} stationIds={stations.map((s) => s.id)} action={assignTariffAction} /> : null}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Versions</CardTitle>
          </CardHeader>
          <CardContent>
            <ol className="space-y-1 text-sm">
              {(tariff.versions ?? []).map((v) => (
                <li key={v.id}>
                  <span className="font-medium">v{v.version}</span> · {new Date(v.createdAt).toLocaleString()} · {v.createdBy}
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
