import type { Db } from '../db/client';
import type { Driver, InvoicingMode, InvoicingSetting } from '../db/schema';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { getDriverById } from '../db/queries/drivers';
import { deleteInvoicingSetting, getInvoicingSettings, putInvoicingSetting } from '../db/queries/statements';
import { badRequest, notFound } from '../errors';

export type InvoicingAccount =
  | { mode: 'per_session'; source: 'default' | 'driver' | 'company' }
  | { mode: 'monthly'; source: 'driver' | 'company'; accountKey: string; accountName: string; driverId: string | null; email: string | null };

export const companyKey = (company: string) => company.trim().toLowerCase();

/**
 * Whose invoice a driver's sessions go on: the driver's own setting wins over their company's;
 * neither is per_session (an invoice at each stop, as always). Monthly through the company puts
 * every such driver's sessions on one invoice to the company.
 */
export function invoicingAccount(driver: Pick<Driver, 'id' | 'name' | 'email' | 'company'>, settings: { driver?: InvoicingSetting; company?: InvoicingSetting }): InvoicingAccount {
  const chosen = settings.driver ?? (driver.company?.trim() ? settings.company : undefined);
  if (!chosen || chosen.mode === 'per_session') return { mode: 'per_session', source: chosen?.subject ?? 'default' };
  if (chosen.subject === 'driver') return { mode: 'monthly', source: 'driver', accountKey: `driver:${driver.id}`, accountName: driver.name, driverId: driver.id, email: driver.email };
  return { mode: 'monthly', source: 'company', accountKey: `company:${companyKey(driver.company!)}`, accountName: driver.company!.trim(), driverId: null, email: null };
}

export async function resolveInvoicingAccount(db: Db, driverId: string): Promise<{ driver: Driver; account: InvoicingAccount } | undefined> {
  const driver = await getDriverById(db, driverId);
  if (!driver) return undefined;
  return { driver, account: invoicingAccount(driver, await getInvoicingSettings(db, driver.id, driver.company)) };
}

/**
 * Sets how a driver (or every driver of their company) is invoiced from the next stopped session
 * on; `inherit` removes the driver's own setting. Sessions already settled keep their way. Audited.
 */
export async function setInvoicingMode(db: Db, actor: Actor, input: { driverId: string; subject: 'driver' | 'company'; mode: InvoicingMode | 'inherit' }, now = new Date()): Promise<void> {
  const driver = await getDriverById(db, input.driverId);
  if (!driver) throw notFound('Driver not found');
  if (input.subject === 'company' && !driver.company?.trim()) throw badRequest('subject: the driver has no company', 'subject');
  if (input.subject === 'company' && input.mode === 'inherit') throw badRequest('mode: a company is per_session or monthly', 'mode');
  const subjectKey = input.subject === 'driver' ? driver.id : companyKey(driver.company!);
  await db.transaction(async (tx) => {
    const before = (await getInvoicingSettings(tx, driver.id, driver.company))[input.subject]?.mode ?? null;
    if (input.mode === 'inherit') await deleteInvoicingSetting(tx, 'driver', subjectKey);
    else await putInvoicingSetting(tx, { subject: input.subject, subjectKey, mode: input.mode, updatedBy: actor.label, updatedAt: now });
    await recordAudit(tx, actor, {
      action: 'invoicing.mode',
      targetType: input.subject,
      targetId: input.subject === 'driver' ? driver.id : driver.company!.trim(),
      before: { mode: before },
      after: { mode: input.mode === 'inherit' ? null : input.mode },
    });
  });
}
