import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { ConfirmDelete } from '@/components/drivers/confirm-delete';
import { IdTagForm } from '@/components/drivers/id-tag-form';
import { IdTagStatusBadge } from '@/components/drivers/id-tag-status-badge';
import { requireUser } from '@/lib/auth/session';
import { roleAllows } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { listDriverChoices } from '@/lib/db/queries/drivers';
import { getIdTagRow, listIdTagValues, listSiteNames } from '@/lib/db/queries/id-tags';
import { idTagView } from '@/lib/id-tags/id-tag-view';
import { deleteIdTagAction, updateIdTagAction } from '../../actions';

export default async function IdTagPage({ params }: { params: Promise<{ tagId: string }> }) {
  const user = await requireUser();
  const { tagId } = await params;
  if (!z.uuid().safeParse(tagId).success) notFound();
  const db = getDb();
  const row = await getIdTagRow(db, { id: tagId });
  if (!row) notFound();
  const tag = idTagView(row, new Date());
  const canEdit = roleAllows(user.role, 'operator');
  const [drivers, sites, parentChoices] = canEdit ? await Promise.all([listDriverChoices(db), listSiteNames(db), listIdTagValues(db)]) : [[], [], []];
  return (
    <>
      <PageHeader
        title={tag.idTag}
        description={[tag.label, tag.driverName ? `held by ${tag.driverName}` : 'no driver', tag.parentIdTag ? `group ${tag.parentIdTag}` : null].filter(Boolean).join(' · ')}
        actions={
          <>
            <Button asChild variant="outline">
              <Link href={`/sessions?idTag=${encodeURIComponent(tag.idTag)}`}>Sessions</Link>
            </Button>
            <Button asChild variant="outline">
              <Link href="/drivers/tags">All tags</Link>
            </Button>
          </>
        }
      />
      <div className="min-w-0 space-y-6">
        <p className="flex flex-wrap items-center gap-2 text-sm">
          Stations are told: <IdTagStatusBadge tag={tag} />
        </p>
        {canEdit ? (
          <>
            <Card>
              <CardHeader>
                <CardTitle>Tag settings</CardTitle>
              </CardHeader>
              <CardContent>
                <IdTagForm action={updateIdTagAction} tag={tag} drivers={drivers} sites={sites} parentChoices={parentChoices.filter((value) => value !== tag.idTag)} submitLabel="Save tag" />
              </CardContent>
            </Card>
            <ConfirmDelete
              label="Delete tag"
              title={`Delete ${tag.idTag}?`}
              description="Stations are told Invalid for it from now on. Past sessions keep the value; the audit log keeps a record."
              fields={{ idTag: tag.idTag, then: tag.driverId ? `/drivers/${tag.driverId}` : '/drivers/tags' }}
              action={deleteIdTagAction}
            />
          </>
        ) : null}
      </div>
    </>
  );
}
