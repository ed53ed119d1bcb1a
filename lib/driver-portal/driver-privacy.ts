import type { Db } from '../db/client';
import { deleteDriverPortalData } from '../db/queries/driver-accounts';
import { listDriverTagValues } from '../db/queries/driver-transactions';
import { updateDriverRow } from '../db/queries/drivers';
import { listDriverIdTags, updateIdTagRow } from '../db/queries/id-tags';
import { listInvoices } from '../db/queries/invoices';
import { getWalletBalance, getWalletByDriver, listWalletEntries } from '../db/queries/wallets';
import type { Driver } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { publishIdTagsUpdated } from '../id-tags/publish-id-tags-updated';
import { driverActor } from './driver-actor';
import { listDriverSessions } from './driver-history';

/** Every movement of the driver's wallet and every invoice or credit note issued to them. */
async function exportBilling(db: Db, driverId: string) {
  const wallet = await getWalletByDriver(db, driverId);
  const [balance, entries, invoices] = await Promise.all([
    wallet ? getWalletBalance(db, wallet.id) : Promise.resolve(0),
    wallet ? listWalletEntries(db, wallet.id, 1_000_000) : Promise.resolve([]),
    listInvoices(db, { driverId, limit: 1_000_000 }),
  ]);
  return {
    wallet: wallet
      ? {
          currency: wallet.currency,
          balance,
          entries: entries.map((entry) => ({ at: entry.createdAt.toISOString(), kind: entry.kind, amount: entry.amount, transactionId: entry.transactionId, reference: entry.reference, note: entry.note })),
        }
      : null,
    invoices: invoices.map((invoice) => ({ number: invoice.number, kind: invoice.kind, issuedAt: invoice.issuedAt.toISOString(), currency: invoice.currency, gross: invoice.gross })),
  };
}

/** "Export my data" (GDPR art. 15/20): profile, tags, sessions with costs, wallet movements and invoices, as JSON. */
export async function exportDriverData(db: Db, driver: Driver, now = new Date()) {
  const [tags, billing] = await Promise.all([listDriverIdTags(db, driver.id), exportBilling(db, driver.id)]);
  return {
    exportedAt: now.toISOString(),
    profile: { name: driver.name, email: driver.email, phone: driver.phone, company: driver.company, createdAt: driver.createdAt.toISOString() },
    idTags: tags.map((tag) => ({ idTag: tag.idTag, status: tag.status, expiresAt: tag.expiresAt?.toISOString() ?? null, label: tag.label })),
    sessions: (await listDriverSessions(db, driver.id, now)).map((s) => ({
      id: s.id,
      stationId: s.stationId,
      connectorId: s.connectorId,
      startedAt: s.startedAt.toISOString(),
      stoppedAt: s.stoppedAt?.toISOString() ?? null,
      energyWh: s.energyWh,
      // What the receipt and the session list show (invoice, monthly price, tariff or estimate).
      total: s.total ? { currency: s.total.currency, net: s.total.net, vat: s.total.vat, gross: s.total.gross, basis: s.total.basis } : null,
    })),
    ...billing,
  };
}

/**
 * "Delete my account" (GDPR art. 17): personal fields are cleared at once and the portal sign-in is
 * removed; the sessions stay for accounting (art. 17(3)(b)), tied only to tag values that are now
 * Blocked and to a driver row named "Deleted driver". Done immediately, not queued.
 */
export async function anonymiseDriver(db: Db, driver: Driver, now = new Date()): Promise<void> {
  const tags = await listDriverTagValues(db, driver.id);
  await db.transaction(async (tx) => {
    await updateDriverRow(tx, driver.id, { name: 'Deleted driver', email: null, phone: null, company: null, notes: null, status: 'blocked', anonymisedAt: now }, now);
    for (const tag of await listDriverIdTags(tx, driver.id)) await updateIdTagRow(tx, tag.id, { status: 'Blocked', label: null }, now);
    await deleteDriverPortalData(tx, driver.id);
    await recordAudit(tx, driverActor(driver), { action: 'driver.anonymise', targetType: 'driver', targetId: driver.id, detail: 'Account deleted by the driver; sessions kept for accounting' });
  });
  await publishIdTagsUpdated(db, tags);
}
