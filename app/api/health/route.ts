import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db/client';
import { getHealth } from '@/lib/health/get-health';

export const dynamic = 'force-dynamic';

/** 200 while the database answers (status says whether an OCPP node is alive), 503 when it does not. */
export async function GET() {
  const health = await getHealth(getDb());
  return NextResponse.json(health, { status: health.database.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
