import { z } from 'zod';

export const unknownStationPolicySchema = z.enum(['accept', 'pending', 'reject'], { message: 'must be one of accept, pending, reject' });
export type UnknownStationPolicy = z.infer<typeof unknownStationPolicySchema>;

const minutes = (what: string) =>
  z.coerce.number({ message: 'must be a number' }).min(0, { message: 'must be 0 or more' }).max(10_080, { message: 'must be at most 10080 (a week)' }).describe(what);

/** Thresholds of the alert rules (lib/alerts/alert-rules.ts); env gives the defaults. */
export const alertThresholdsSchema = z.object({
  offlineAfterMinutes: minutes('minutes a station may be silent before "station offline"'),
  stuckNoMeterValuesMinutes: minutes('minutes without meter values before a session looks stuck').pipe(z.number().min(1, { message: 'must be at least 1' })),
  stuckZeroPowerMinutes: minutes('minutes at 0 W while Charging before a session looks stuck').pipe(z.number().min(1, { message: 'must be at least 1' })),
  maxSessionHours: z.coerce
    .number({ message: 'must be a number' })
    .min(1, { message: 'must be at least 1' })
    .max(720, { message: 'must be at most 720 (30 days)' })
    .describe('hours a session may stay open before it looks stuck'),
});
export type AlertThresholdSettings = z.infer<typeof alertThresholdsSchema>;

export const settingsSchema = z.object({
  unknownStations: unknownStationPolicySchema.describe('what the OCPP server does with a station it does not know'),
  alertThresholds: alertThresholdsSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z
  .object({ unknownStations: unknownStationPolicySchema.optional(), alertThresholds: alertThresholdsSchema.partial().optional() })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Setting keys in the `settings` table; the OCPP server reads the same keys. */
export const SETTING_KEYS = { unknownStations: 'ocpp.unknownStations', alertThresholds: 'alerts.thresholds' } as const;
