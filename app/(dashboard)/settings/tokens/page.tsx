import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { requireRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { listApiTokens, type ApiTokenSummary } from '@/lib/db/queries/api-tokens';
import { CreateTokenForm } from './create-token-form';
import { RevokeTokenButton } from './revoke-token-button';

export const dynamic = 'force-dynamic';

function tokenStatus(token: ApiTokenSummary, now: Date) {
  if (token.revokedAt) return <Badge variant="muted">Revoked</Badge>;
  if (token.expiresAt && token.expiresAt <= now) return <Badge variant="warning">Expired</Badge>;
  return <Badge variant="success">Active</Badge>;
}

const when = (date: Date | null, empty: string) => (date ? date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : empty);

export default async function TokensPage() {
  await requireRole('admin');
  const tokens = await listApiTokens(getDb());
  const now = new Date();
  return (
    <>
      <PageHeader title="API tokens" description="Machine clients call /api/v1 with Authorization: Bearer <token>. Tokens are stored hashed." />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Create a token</CardTitle>
            <CardDescription>The token acts with the role you give it. From a shell: npm run cli -- token create --name NAME --role admin</CardDescription>
          </CardHeader>
          <CardContent>
            <CreateTokenForm />
          </CardContent>
        </Card>
        {tokens.length === 0 ? (
          <EmptyState title="No API tokens yet" description="Create one above for a script, an integration or the simulator." />
        ) : (
          <Table aria-label="API tokens">
            <THead>
              <Tr>
                <Th>Name</Th>
                <Th>Role</Th>
                <Th>Status</Th>
                <Th>Created</Th>
                <Th>Expires</Th>
                <Th>Last used</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </Tr>
            </THead>
            <TBody>
              {tokens.map((token) => (
                <Tr key={token.id}>
                  <Td>
                    <div className="font-medium">{token.name}</div>
                    <code className="text-xs text-muted-foreground">{token.prefix}…</code>
                  </Td>
                  <Td>{token.role}</Td>
                  <Td>{tokenStatus(token, now)}</Td>
                  <Td className="text-sm">
                    {when(token.createdAt, '')}
                    {token.createdByEmail ? <div className="text-xs text-muted-foreground">by {token.createdByEmail}</div> : null}
                  </Td>
                  <Td className="text-sm">{when(token.expiresAt, 'Never')}</Td>
                  <Td className="text-sm">{when(token.lastUsedAt, 'Never')}</Td>
                  <Td>{token.revokedAt ? null : <RevokeTokenButton id={token.id} name={token.name} />}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </div>
    </>
  );
}
