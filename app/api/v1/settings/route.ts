import { apiRoute, requireActor } from '@/lib/api/api-route';
import { getSettingsOperation, updateSettingsOperation } from '@/lib/api/contracts/system';
import { getSettings } from '@/lib/settings/get-settings';
import { updateSettings } from '@/lib/settings/update-settings';

export const GET = apiRoute(getSettingsOperation, ({ db }) => getSettings(db));

export const PATCH = apiRoute(updateSettingsOperation, ({ db, actor, body }) => updateSettings(db, requireActor(actor), body));
