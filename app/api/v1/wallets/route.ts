import { apiRoute } from '@/lib/api/api-route';
import { listWalletsOperation } from '@/lib/api/contracts/wallets';
import { listWalletViews } from '@/lib/wallets/wallet-view';

export const GET = apiRoute(listWalletsOperation, async ({ db }) => ({ data: await listWalletViews(db) }));
