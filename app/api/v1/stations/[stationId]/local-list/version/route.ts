import { NextResponse } from 'next/server';
import { apiRoute, requireActor } from '@/lib/api/api-route';
import { checkLocalListVersionOperation } from '@/lib/api/contracts/local-lists';
import { commandHttpResult } from '@/lib/commands/command-result';
import { getCommandDeps } from '@/lib/commands/get-command-deps';
import { checkLocalListVersion } from '@/lib/local-lists/send-local-list';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(checkLocalListVersionOperation, async ({ actor, params }) => {
  const checked = await checkLocalListVersion(getCommandDeps(), requireActor(actor), params.stationId);
  if (checked.listVersion === null) {
    const { status, body } = commandHttpResult(checked.command);
    return NextResponse.json(body, { status });
  }
  return { listVersion: checked.listVersion, commandId: checked.command.id };
});
