import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { apiTokens, users, type ApiToken, type Role } from '../schema';

export type ApiTokenSummary = Omit<ApiToken, 'tokenHash'> & { createdByEmail: string | null };

export async function insertApiToken(
  db: Db,
  input: { name: string; role: Role; tokenHash: string; prefix: string; createdBy: string | null; expiresAt: Date | null },
): Promise<ApiToken> {
  const [row] = await db.insert(apiTokens).values(input).returning();
  return row!;
}

export function listApiTokens(db: Db): Promise<ApiTokenSummary[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      role: apiTokens.role,
      prefix: apiTokens.prefix,
      createdBy: apiTokens.createdBy,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      createdByEmail: users.email,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .orderBy(desc(apiTokens.createdAt));
}

export async function getApiTokenByHash(db: Db, tokenHash: string): Promise<ApiToken | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash));
  return row;
}

export async function getApiTokenById(db: Db, id: string): Promise<ApiToken | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  return row;
}

export async function revokeApiTokenById(db: Db, id: string, at: Date): Promise<ApiToken | undefined> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, ${at.toISOString()}::timestamptz)` })
    .where(eq(apiTokens.id, id))
    .returning();
  return row;
}

/** Written at most once a minute per token, so a busy client does not turn every read into a write. */
export async function touchApiToken(db: Db, id: string, at: Date): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: at })
    .where(sql`${apiTokens.id} = ${id} and (${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < ${at.toISOString()}::timestamptz - interval '1 minute')`);
}
