import { NextResponse } from 'next/server';
import { apiRoute, requireActor } from '@/lib/api/api-route';
import { sendCommandOperation } from '@/lib/api/contracts/commands';
import { commandHttpResult } from '@/lib/commands/command-result';
import { getCommandDeps } from '@/lib/commands/get-command-deps';
import { sendCommand } from '@/lib/commands/send-command';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(sendCommandOperation, async ({ actor, params, query, body }) => {
  const command = await sendCommand(getCommandDeps(), requireActor(actor), {
    stationId: params.stationId,
    action: params.action,
    payload: body,
    timeoutMs: query.timeout === undefined ? undefined : Math.round(query.timeout * 1000),
  });
  const { status, body: result } = commandHttpResult(command);
  return NextResponse.json(result, { status });
});
