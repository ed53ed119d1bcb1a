import type { Db } from '../db/client';
import { insertApiToken } from '../db/queries/api-tokens';
import type { ApiToken } from '../db/schema';
import { generateApiToken } from '../auth/api-token';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import type { CreateApiTokenInput } from './schemas';

/** Returns the token in clear text exactly once; only its hash is stored. */
export async function createApiToken(
  db: Db,
  actor: Actor,
  input: CreateApiTokenInput,
): Promise<{ token: string; record: Omit<ApiToken, 'tokenHash'> }> {
  const { token, tokenHash, prefix } = generateApiToken();
  const { tokenHash: _hash, ...record } = await insertApiToken(db, {
    name: input.name,
    role: input.role,
    tokenHash,
    prefix,
    createdBy: actor.type === 'user' ? actor.id : null,
    expiresAt: input.expiresAt ?? null,
  });
  void _hash;
  await recordAudit(db, actor, {
    action: 'api_token.create',
    targetType: 'api_token',
    targetId: record.id,
    after: { name: record.name, role: record.role, prefix: record.prefix, expiresAt: record.expiresAt },
  });
  return { token, record };
}
