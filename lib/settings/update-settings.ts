import type { Db } from '../db/client';
import { putSetting } from '../db/queries/settings';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { getSettings } from './get-settings';
import { SETTING_KEYS, type Settings, type SettingsPatch } from './schemas';

/** Stores what the patch names (alert thresholds one by one over the current ones), audited. */
export async function updateSettings(db: Db, actor: Actor, patch: SettingsPatch): Promise<Settings> {
  const before = await getSettings(db);
  if (patch.unknownStations) await putSetting(db, SETTING_KEYS.unknownStations, patch.unknownStations, actor.label);
  if (patch.alertThresholds) await putSetting(db, SETTING_KEYS.alertThresholds, { ...before.alertThresholds, ...patch.alertThresholds }, actor.label);
  const after = await getSettings(db);
  await recordAudit(db, actor, { action: 'settings.update', targetType: 'settings', before, after });
  return after;
}
