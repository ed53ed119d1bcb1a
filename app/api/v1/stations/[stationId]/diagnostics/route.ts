import { NextResponse } from 'next/server';
import { apiRoute, requireActor } from '@/lib/api/api-route';
import { listDiagnosticsOperation, requestDiagnosticsOperation } from '@/lib/api/contracts/diagnostics';
import { commandHttpResult } from '@/lib/commands/command-result';
import { getCommandDeps } from '@/lib/commands/get-command-deps';
import { listStationDiagnostics } from '@/lib/db/queries/diagnostics';
import { diagnosticsView } from '@/lib/diagnostics/diagnostics-view';
import { publicBaseUrl } from '@/lib/diagnostics/public-base-url';
import { requestDiagnostics } from '@/lib/diagnostics/request-diagnostics';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(listDiagnosticsOperation, async ({ db, params }) => ({
  data: (await listStationDiagnostics(db, params.stationId)).map((file) => diagnosticsView(file)),
}));

export const POST = apiRoute(requestDiagnosticsOperation, async ({ request, actor, params, body, query }) => {
  const { command, file } = await requestDiagnostics(getCommandDeps(), requireActor(actor), {
    stationId: params.stationId,
    baseUrl: publicBaseUrl(request.headers),
    ...body,
    timeoutMs: query.timeout === undefined ? undefined : Math.round(query.timeout * 1000),
  });
  const { status, body: result } = commandHttpResult(command);
  return NextResponse.json(status === 200 ? { ...(result as object), diagnostics: diagnosticsView(file) } : result, { status });
});
