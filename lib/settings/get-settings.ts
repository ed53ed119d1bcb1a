import type { Db } from '../db/client';
import { getSetting } from '../db/queries/settings';
import { getEnv } from '../env';
import { alertThresholdsSchema, SETTING_KEYS, unknownStationPolicySchema, type AlertThresholdSettings, type Settings } from './schemas';

/** The alert thresholds the environment gives (ALERT_* variables). */
export function envAlertThresholds(): AlertThresholdSettings {
  const env = getEnv();
  return {
    offlineAfterMinutes: env.ALERT_OFFLINE_MINUTES,
    stuckNoMeterValuesMinutes: env.ALERT_NO_METER_VALUES_MINUTES,
    stuckZeroPowerMinutes: env.ALERT_ZERO_POWER_MINUTES,
    maxSessionHours: env.ALERT_MAX_SESSION_HOURS,
  };
}

/** Stored alert thresholds over the env defaults, threshold by threshold. */
export async function getAlertThresholds(db: Db): Promise<AlertThresholdSettings> {
  const stored = alertThresholdsSchema.partial().safeParse(await getSetting(db, SETTING_KEYS.alertThresholds));
  return { ...envAlertThresholds(), ...(stored.success ? stored.data : {}) };
}

/** Stored settings over the env defaults. */
export async function getSettings(db: Db): Promise<Settings> {
  const [policy, alertThresholds] = await Promise.all([getSetting(db, SETTING_KEYS.unknownStations), getAlertThresholds(db)]);
  const stored = unknownStationPolicySchema.safeParse(policy);
  return { unknownStations: stored.success ? stored.data : getEnv().OCPP_UNKNOWN_STATIONS, alertThresholds };
}
