import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db/client';
import { getWalletByDriver } from '@/lib/db/queries/wallets';
import { getSessionDriver } from '@/lib/driver-portal/driver-session';
import { getEnv } from '@/lib/env';
import { parseMonth } from '@/lib/statements/monthly-invoice-lines';
import { getWalletStatement, walletStatementBody } from '@/lib/statements/wallet-statement';

export const dynamic = 'force-dynamic';

const problem = (status: number, code: string, message: string, field?: string) => NextResponse.json({ error: { code, message, ...(field ? { field } : {}) } }, { status });

/** The signed-in driver's own wallet statement for `?month=YYYY-MM`, as `?format=pdf` (default) or csv. */
export async function GET(request: Request) {
  const driver = await getSessionDriver();
  if (!driver) return problem(401, 'unauthorized', 'Sign in to the driver portal first');
  const url = new URL(request.url);
  const month = parseMonth(url.searchParams.get('month') ?? '');
  if (!month) return problem(400, 'invalid_request', 'month: must be a month as YYYY-MM', 'month');
  const format = url.searchParams.get('format') ?? 'pdf';
  if (format !== 'pdf' && format !== 'csv') return problem(400, 'invalid_request', 'format: must be pdf or csv', 'format');
  const db = getDb();
  const wallet = await getWalletByDriver(db, driver.id);
  if (!wallet) return problem(404, 'not_found', 'You have no prepaid wallet');
  const env = getEnv();
  return (await walletStatementBody(await getWalletStatement(db, wallet.id, month), format, { name: env.INVOICE_ISSUER_NAME, address: env.INVOICE_ISSUER_ADDRESS })) as Response;
}
