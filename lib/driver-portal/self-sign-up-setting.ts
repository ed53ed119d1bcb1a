import type { Db } from '../db/client';
import { getSetting, putSetting } from '../db/queries/settings';
import { roleAllows, type Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { forbidden } from '../errors';

/** Key in the `settings` table; absent means open (self sign-up is on by default). */
export const SELF_SIGN_UP_SETTING = 'driverPortal.selfSignUp';

export async function isSelfSignUpOpen(db: Db): Promise<boolean> {
  return (await getSetting<boolean>(db, SELF_SIGN_UP_SETTING)) !== false;
}

/** An admin opens or closes self sign-up (invitations keep working either way); audited. */
export async function setSelfSignUpOpen(db: Db, actor: Actor, open: boolean): Promise<void> {
  if (!roleAllows(actor.role, 'admin')) throw forbidden();
  const before = await isSelfSignUpOpen(db);
  await putSetting(db, SELF_SIGN_UP_SETTING, open, actor.label);
  await recordAudit(db, actor, { action: 'settings.update', targetType: 'settings', before: { driverSelfSignUp: before }, after: { driverSelfSignUp: open } });
}
