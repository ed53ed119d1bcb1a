import { apiRoute } from '@/lib/api/api-route';
import { listCommandsOperation } from '@/lib/api/contracts/commands';
import { commandView } from '@/lib/commands/command-result';
import { listStationCommands } from '@/lib/db/queries/commands';

export const GET = apiRoute(listCommandsOperation, async ({ db, params, query }) => ({
  data: (await listStationCommands(db, { stationId: params.stationId, ...query })).map(commandView),
}));
