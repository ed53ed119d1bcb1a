import { apiRoute } from '@/lib/api/api-route';
import { compareConfigurationOperation } from '@/lib/api/contracts/configuration';
import { compareConfigurationKey } from '@/lib/db/queries/configuration';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(compareConfigurationOperation, async ({ db, query }) => ({
  model: query.model,
  key: query.key,
  data: (await compareConfigurationKey(db, query)).map((reading) => ({ ...reading, readAt: reading.readAt?.toISOString() ?? null })),
}));
