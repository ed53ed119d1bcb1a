import { z } from 'zod';
import { defineOperation } from '../operation';
import { roleSchema } from '../../users/schemas';
import { settingsSchema, settingsPatchSchema } from '../../settings/schemas';

export const getMeOperation = defineOperation({
  method: 'get', path: '/api/v1/me', tag: 'System', role: 'viewer', summary: 'Who the credentials belong to',
  response: z.object({ type: z.enum(['user', 'token', 'system']), id: z.string().nullable(), label: z.string(), role: roleSchema }),
});
export const getSettingsOperation = defineOperation({
  method: 'get', path: '/api/v1/settings', tag: 'System', role: 'viewer', summary: 'Operator settings (env gives the defaults)',
  response: settingsSchema,
});
export const updateSettingsOperation = defineOperation({
  method: 'patch', path: '/api/v1/settings', tag: 'System', role: 'admin', summary: 'Change operator settings',
  body: settingsPatchSchema, response: settingsSchema,
});
