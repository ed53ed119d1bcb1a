import type { Db } from '../db/client';
import { getApiTokenByHash, touchApiToken } from '../db/queries/api-tokens';
import { hashApiToken } from '../auth/api-token';
import type { Actor } from '../auth/roles';

/** The actor behind a bearer token, or null when it is unknown, revoked or expired. */
export async function authenticateApiToken(db: Db, token: string, now: Date = new Date()): Promise<Actor | null> {
  const record = await getApiTokenByHash(db, hashApiToken(token));
  if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= now)) return null;
  await touchApiToken(db, record.id, now);
  return { type: 'token', id: record.id, label: `token:${record.name}`, role: record.role };
}
