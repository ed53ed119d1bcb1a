import { PageHeader } from '@/components/ui/page-header';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { FormField } from '@/components/forms/form-field';
import { requireRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { listAuditEntries } from '@/lib/db/queries/audit-log';
import { auditQuerySchema } from '@/lib/api/contracts/audit-log';

export const dynamic = 'force-dynamic';

const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireRole('admin');
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, value]) => value));
  const parsed = auditQuerySchema.safeParse(raw);
  const entries = parsed.success ? await listAuditEntries(getDb(), parsed.data) : [];
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what, when, and with which result. Newest first." />
      <form method="get" className="mb-6 grid gap-4 sm:grid-cols-5 sm:items-end" aria-label="Filter the audit log">
        <FormField name="action" label="Action starts with" defaultValue={raw.action} placeholder="user." />
        <FormField name="actor" label="Actor" defaultValue={raw.actor} placeholder="email or token" />
        <FormField name="from" label="From" type="date" defaultValue={raw.from} />
        <FormField name="to" label="To" type="date" defaultValue={raw.to} />
        <Button type="submit">Filter</Button>
      </form>
      {!parsed.success ? (
        <Alert variant="error">{parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}</Alert>
      ) : entries.length === 0 ? (
        <EmptyState title="Nothing recorded for this filter" description="Changes to users, tokens and settings appear here as they happen." />
      ) : (
        <Table aria-label="Audit log">
          <THead>
            <Tr>
              <Th>Time (UTC)</Th>
              <Th>Actor</Th>
              <Th>Action</Th>
              <Th>Target</Th>
              <Th>Change</Th>
              <Th>Result</Th>
            </Tr>
          </THead>
          <TBody>
            {entries.map((entry) => (
              <Tr key={entry.id}>
                <Td className="whitespace-nowrap text-sm">{entry.at.toISOString().replace('T', ' ').slice(0, 19)}</Td>
                <Td className="text-sm">{entry.actorLabel}</Td>
                <Td>
                  <code className="text-sm">{entry.action}</code>
                </Td>
                <Td className="text-sm">
                  {entry.targetType}
                  {entry.targetId ? <div className="text-xs text-muted-foreground">{entry.targetId}</div> : null}
                </Td>
                <Td className="max-w-md text-xs">
                  {entry.before ? <div className="break-all text-muted-foreground">before: {json(entry.before)}</div> : null}
                  {entry.after ? <div className="break-all">after: {json(entry.after)}</div> : null}
                  {entry.detail ? <div>{entry.detail}</div> : null}
                </Td>
                <Td>{entry.result === 'success' ? <Badge variant="success">success</Badge> : <Badge variant="danger">failure</Badge>}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
