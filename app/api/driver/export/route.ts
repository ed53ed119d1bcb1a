import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db/client';
import { exportDriverData } from '@/lib/driver-portal/driver-privacy';
import { getSessionDriver } from '@/lib/driver-portal/driver-session';

export const dynamic = 'force-dynamic';

/** "Export my data": the signed-in driver's own data as a JSON download. */
export async function GET() {
  const driver = await getSessionDriver();
  if (!driver) return NextResponse.json({ error: { code: 'unauthorized', message: 'Sign in to the driver portal first' } }, { status: 401 });
  return NextResponse.json(await exportDriverData(getDb(), driver), {
    headers: { 'content-disposition': 'attachment; filename="my-charging-data.json"', 'cache-control': 'no-store' },
  });
}
