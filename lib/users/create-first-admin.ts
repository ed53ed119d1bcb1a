import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { countUsers, insertUser, type PublicUser } from '../db/queries/users';
import { hashPassword } from '../auth/password';
import { assertPasswordPolicy } from '../auth/password-policy';
import { recordAudit } from '../audit/record-audit';
import { conflict } from '../errors';
import type { SetupAdminInput } from './schemas';
import { auditView } from './create-user';

const SETUP_LOCK_KEY = 7_215_300_417;

/**
 * First-run setup (the /setup page, or ADMIN_EMAIL + ADMIN_PASSWORD at start). Allowed only while
 * no user exists; a transaction-level advisory lock stops two concurrent setups from both winning.
 */
export async function createFirstAdmin(db: Db, input: SetupAdminInput): Promise<PublicUser> {
  assertPasswordPolicy(input.password);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
    if ((await countUsers(tx)) > 0) throw conflict('setup_done', 'Setup is already complete: sign in instead');
    const user = await insertUser(tx, { email: input.email, name: input.name, role: 'admin', passwordHash });
    await recordAudit(tx, { type: 'system', id: null, label: 'setup', role: 'admin' }, {
      action: 'user.create_first_admin',
      targetType: 'user',
      targetId: user.id,
      after: auditView(user),
    });
    return user;
  });
}
