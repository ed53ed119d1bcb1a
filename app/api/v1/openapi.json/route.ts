import { NextResponse } from 'next/server';
import { allOperations } from '@/lib/api/contracts';
import { buildOpenApiDocument } from '@/lib/api/openapi';

export const dynamic = 'force-static';

export function GET() {
  return NextResponse.json(buildOpenApiDocument(allOperations));
}
