import { NextResponse } from 'next/server';
import { apiRoute } from '@/lib/api/api-route';
import { uploadDiagnosticsPostOperation, uploadDiagnosticsPutOperation } from '@/lib/api/contracts/diagnostics';
import { diagnosticsView } from '@/lib/diagnostics/diagnostics-view';
import { receiveDiagnosticsUpload } from '@/lib/diagnostics/receive-diagnostics-upload';
import { getObjectStorage } from '@/lib/storage/object-storage-from-env';

export const dynamic = 'force-dynamic';

/** What follows the token in the path: stations often append the file name to the `location`. */
const nameAfter = (request: Request, token: string) => decodeURIComponent(new URL(request.url).pathname.split(`/${token}/`)[1] ?? '') || undefined;

const upload = async ({ db, request, params }: { db: Parameters<typeof receiveDiagnosticsUpload>[0]; request: Request; params: { token: string } }) => {
  const file = await receiveDiagnosticsUpload(db, { token: params.token, pathName: nameAfter(request, params.token), request, storage: getObjectStorage() });
  const { id, fileName, sizeBytes } = diagnosticsView(file);
  return NextResponse.json({ id, fileName, sizeBytes }, { status: 201 });
};

export const PUT = apiRoute(uploadDiagnosticsPutOperation, upload);
export const POST = apiRoute(uploadDiagnosticsPostOperation, upload);
