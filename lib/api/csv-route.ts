import { NextResponse } from 'next/server';
import type { Actor } from '../auth/roles';
import type { Db } from '../db/client';
import { errorResponse } from '../api/error-response';
import { csvFileName, csvImporters, exportCsv, type CsvKind } from '../drivers/csv-transfer';

const MAX_BYTES = 5 * 1024 * 1024;

/** GET /api/v1/{kind}.csv: the download. */
export async function csvDownload(db: Db, kind: CsvKind): Promise<Response> {
  return new Response(await exportCsv(db, kind), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${csvFileName(kind)}"`, 'cache-control': 'no-store' },
  });
}

/**
 * POST /api/v1/{kind}.csv: the body is the CSV file. A refused import is a 400 naming the first bad
 * row and column (`row`, `field`) and listing every problem (`issues`); nothing was imported then.
 */
export async function csvUpload(db: Db, actor: Actor, kind: CsvKind, request: Request): Promise<Response> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BYTES) return errorResponse(413, 'too_large', 'The CSV is larger than 5 MB: split it');
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BYTES) return errorResponse(413, 'too_large', 'The CSV is larger than 5 MB: split it');
  if (text.trim() === '') return errorResponse(400, 'invalid_csv', 'body: send the CSV file as the request body (text/csv)', 'body');
  const report = await csvImporters[kind](db, actor, text);
  if (report.ok) return NextResponse.json(report);
  const first = report.issues[0]!;
  const message = `Nothing was imported: ${report.issues.length} problem(s). Row ${first.row}${first.field ? `, ${first.field}` : ''}: ${first.message}`;
  return NextResponse.json({ error: { code: 'invalid_csv', message, field: first.field ?? 'body', row: first.row, issues: report.issues } }, { status: 400 });
}
