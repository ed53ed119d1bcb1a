import { apiRoute } from '@/lib/api/api-route';
import { getWalletStatementOperation } from '@/lib/api/contracts/statements';
import { getEnv } from '@/lib/env';
import { parseMonth } from '@/lib/statements/monthly-invoice-lines';
import { getWalletStatement, walletStatementBody } from '@/lib/statements/wallet-statement';

export const GET = apiRoute(getWalletStatementOperation, async ({ db, params, query }) => {
  const statement = await getWalletStatement(db, params.id, parseMonth(query.month)!);
  return walletStatementBody(statement, query.format, { name: getEnv().INVOICE_ISSUER_NAME, address: getEnv().INVOICE_ISSUER_ADDRESS });
});
