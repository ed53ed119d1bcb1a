import type { Db } from '../db/client';
import { putSetting } from '../db/queries/settings';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { getSettings } from './get-settings';
import { SETTING_KEYS, type Settings, type SettingsPatch } from './schemas';

export async function updateSettings(db: Db, actor: Actor, patch: SettingsPatch): Promise<Settings> {
  const before = await getSettings(db);
  for (const [name, value] of Object.entries(patch) as [keyof Settings, unknown][]) {
    await putSetting(db, SETTING_KEYS[name], value, actor.label);
  }
  const after = await getSettings(db);
  await recordAudit(db, actor, { action: 'settings.update', targetType: 'settings', before, after });
  return after;
}
