import { apiRoute, requireActor } from '@/lib/api/api-route';
import { topUpWalletOperation } from '@/lib/api/contracts/wallets';
import { entryView } from '@/lib/wallets/wallet-view';
import { topUpWallet } from '@/lib/wallets/wallet-ledger';

export const POST = apiRoute(topUpWalletOperation, async ({ db, actor, params, body }) => {
  const { entry, balance } = await topUpWallet(db, requireActor(actor), params.id, body);
  return { entry: entryView(entry), balance };
});
