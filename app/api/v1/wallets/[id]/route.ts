import { apiRoute } from '@/lib/api/api-route';
import { getWalletOperation } from '@/lib/api/contracts/wallets';
import { getWalletDetail } from '@/lib/wallets/wallet-view';

export const GET = apiRoute(getWalletOperation, ({ db, params }) => getWalletDetail(db, params.id));
