import { apiRoute, requireActor } from '@/lib/api/api-route';
import { getMeOperation } from '@/lib/api/contracts/system';

export const GET = apiRoute(getMeOperation, async ({ actor }) => requireActor(actor));
