import { apiRoute, requireActor } from '@/lib/api/api-route';
import { setInvoicingModeOperation } from '@/lib/api/contracts/statements';
import { resolveInvoicingAccount, setInvoicingMode } from '@/lib/statements/invoicing-mode';

export const PUT = apiRoute(setInvoicingModeOperation, async ({ db, actor, params, body }) => {
  await setInvoicingMode(db, requireActor(actor), { driverId: params.id, ...body });
  const { mode, source } = (await resolveInvoicingAccount(db, params.id))!.account;
  return { mode, source };
});
