import type { Db } from '../db/client';
import { getApiTokenById, revokeApiTokenById } from '../db/queries/api-tokens';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../errors';

export async function revokeApiToken(db: Db, actor: Actor, id: string, now: Date = new Date()): Promise<void> {
  const before = await getApiTokenById(db, id);
  if (!before) throw notFound('API token not found');
  const after = await revokeApiTokenById(db, id, now);
  await recordAudit(db, actor, {
    action: 'api_token.revoke',
    targetType: 'api_token',
    targetId: id,
    before: { name: before.name, revokedAt: before.revokedAt },
    after: { name: before.name, revokedAt: after?.revokedAt ?? null },
  });
}
