import type { Db } from '../db/client';
import { getSetting, putSetting } from '../db/queries/settings';
import { roleAllows, type Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { forbidden } from '../errors';

/** Key in the `settings` table; absent means off (running sessions are never stopped for money by default). */
export const LOW_BALANCE_STOP_SETTING = 'billing.lowBalanceStop';

export async function isLowBalanceStopOn(db: Db): Promise<boolean> {
  return (await getSetting<boolean>(db, LOW_BALANCE_STOP_SETTING)) === true;
}

/** An admin turns the low-balance stop on or off; audited. The OCPP server picks it up within its cache time. */
export async function setLowBalanceStop(db: Db, actor: Actor, on: boolean): Promise<void> {
  if (!roleAllows(actor.role, 'admin')) throw forbidden();
  const before = await isLowBalanceStopOn(db);
  await putSetting(db, LOW_BALANCE_STOP_SETTING, on, actor.label);
  await recordAudit(db, actor, { action: 'settings.update', targetType: 'settings', before: { lowBalanceStop: before }, after: { lowBalanceStop: on } });
}
