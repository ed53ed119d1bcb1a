import { z } from 'zod';
import { defineOperation } from '../operation';
import { walletEntryKinds } from '../../db/schema/wallets';

const money = z.number().int().describe('minor units of the currency');
const walletIdParams = z.object({ id: z.uuid({ message: 'must be a wallet id (UUID)' }) });
const walletSchema = z.object({
  id: z.uuid(), driverId: z.uuid(), driverName: z.string(), currency: z.string(),
  balance: money.describe('the sum of the ledger entries'), minBalance: money.describe('below it the driver’s tags are Blocked'), allowNegative: z.boolean(),
});
const entrySchema = z.object({
  id: z.number().int(), kind: z.enum(walletEntryKinds), amount: money, transactionId: z.number().int().nullable(), invoiceId: z.uuid().nullable(),
  reference: z.string().nullable(), note: z.string().nullable(), createdAt: z.string(), createdBy: z.string(),
});

export const listWalletsOperation = defineOperation({
  method: 'get', path: '/api/v1/wallets', tag: 'Billing', role: 'viewer', summary: 'Prepaid wallets with their balances',
  response: z.object({ data: z.array(walletSchema) }),
});
export const getWalletOperation = defineOperation({
  method: 'get', path: '/api/v1/wallets/{id}', tag: 'Billing', role: 'viewer', summary: 'A wallet with its ledger (newest first, 500 entries)',
  params: walletIdParams, response: walletSchema.extend({ entries: z.array(entrySchema) }), errors: { 404: 'not_found' },
});
export const topUpWalletOperation = defineOperation({
  method: 'post', path: '/api/v1/wallets/{id}/top-ups', tag: 'Billing', role: 'admin', summary: 'Add money to a wallet (a ledger entry; entries never change)',
  params: walletIdParams,
  body: z.strictObject({ amount: z.number({ message: 'must be an integer in minor units' }).int({ message: 'must be an integer in minor units' }).min(1, { message: 'must be positive' }), note: z.string().max(200).optional() }),
  response: z.object({ entry: entrySchema, balance: money }), responseStatus: 201, errors: { 404: 'not_found' },
});
