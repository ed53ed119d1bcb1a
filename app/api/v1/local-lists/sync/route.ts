import { apiRoute, requireActor } from '@/lib/api/api-route';
import { syncLocalListsOperation } from '@/lib/api/contracts/local-lists';
import { getCommandDeps } from '@/lib/commands/get-command-deps';
import { syncLocalLists } from '@/lib/local-lists/sync-local-lists';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(syncLocalListsOperation, async ({ actor }) => ({ data: await syncLocalLists(getCommandDeps(), requireActor(actor)) }));
