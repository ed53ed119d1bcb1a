import type { Db } from '../db/client';
import { getSetting } from '../db/queries/settings';
import { getEnv } from '../env';
import { SETTING_KEYS, unknownStationPolicySchema, type Settings } from './schemas';

/** Stored settings over the env defaults. */
export async function getSettings(db: Db): Promise<Settings> {
  const stored = unknownStationPolicySchema.safeParse(await getSetting(db, SETTING_KEYS.unknownStations));
  return { unknownStations: stored.success ? stored.data : getEnv().OCPP_UNKNOWN_STATIONS };
}
