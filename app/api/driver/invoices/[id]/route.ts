import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db/client';
import { getDriverInvoicePdf } from '@/lib/driver-portal/driver-billing';
import { getSessionDriver } from '@/lib/driver-portal/driver-session';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** The signed-in driver's own invoice as PDF; anyone else's is 404. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const driver = await getSessionDriver();
  if (!driver) return NextResponse.json({ error: { code: 'unauthorized', message: 'Sign in to the driver portal first' } }, { status: 401 });
  const { id } = await context.params;
  try {
    const { number, pdf } = await getDriverInvoicePdf(getDb(), driver.id, id);
    return new Response(Buffer.from(pdf), {
      headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${number}.pdf"`, 'cache-control': 'no-store' },
    });
  } catch (error) {
    if (error instanceof AppError) return NextResponse.json({ error: { code: error.code, message: error.message } }, { status: error.status });
    throw error;
  }
}
