import { NextResponse } from 'next/server';
import { apiRoute, requireActor } from '@/lib/api/api-route';
import { getLocalListOperation, sendLocalListOperation } from '@/lib/api/contracts/local-lists';
import { commandHttpResult } from '@/lib/commands/command-result';
import { getCommandDeps } from '@/lib/commands/get-command-deps';
import { getStationById } from '@/lib/db/queries/stations';
import { notFound } from '@/lib/errors';
import { getLocalListStatus } from '@/lib/local-lists/local-list-status';
import { sendLocalList } from '@/lib/local-lists/send-local-list';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(getLocalListOperation, async ({ db, params }) => {
  if (!(await getStationById(db, params.stationId))) throw notFound(`Station ${params.stationId} not found`);
  return getLocalListStatus(db, params.stationId);
});

export const POST = apiRoute(sendLocalListOperation, async ({ actor, params, body }) => {
  const sent = await sendLocalList(getCommandDeps(), requireActor(actor), { stationId: params.stationId, updateType: body.updateType });
  if (sent.status === null) {
    const { status, body: error } = commandHttpResult(sent.command);
    return NextResponse.json(error, { status });
  }
  return { status: sent.status, listVersion: sent.listVersion, updateType: sent.updateType, entries: sent.entries, commandId: sent.command.id };
});
