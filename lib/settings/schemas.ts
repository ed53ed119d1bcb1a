import { z } from 'zod';

export const unknownStationPolicySchema = z.enum(['accept', 'pending', 'reject'], { message: 'must be one of accept, pending, reject' });
export type UnknownStationPolicy = z.infer<typeof unknownStationPolicySchema>;

export const settingsSchema = z.object({
  unknownStations: unknownStationPolicySchema.describe('what the OCPP server does with a station it does not know'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = settingsSchema.partial().refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Setting keys in the `settings` table; the OCPP server reads the same keys. */
export const SETTING_KEYS = { unknownStations: 'ocpp.unknownStations' } as const;
