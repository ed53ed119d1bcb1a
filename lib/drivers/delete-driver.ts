import type { Db } from '../db/client';
import { deleteDriverRow, getDriverById, listDriverIdTagValues } from '../db/queries/drivers';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { conflict, notFound } from '../errors';
import { driverAuditView } from './driver-view';
import { getWalletByDriver, getWalletBalance } from '../db/queries/wallets';
import { deleteInvoicingSetting } from '../db/queries/statements';
import { formatMinorUnits } from '../pricing/currency';

/**
 * Deletes a driver without tags. One with tags is refused rather than leaving their cards working
 * for nobody: delete the tags (or give them to another driver) first. One with a prepaid wallet is
 * refused too: its ledger is kept for accounting (and may hold money), so block the driver instead.
 */
export async function deleteDriver(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const driver = await getDriverById(tx, id);
    if (!driver) throw notFound('Driver not found');
    const tags = await listDriverIdTagValues(tx, id);
    if (tags.length > 0) {
      throw conflict('driver_has_id_tags', `The driver still holds ${tags.length} tag${tags.length === 1 ? '' : 's'} (${tags.slice(0, 5).join(', ')}): delete or reassign them first`);
    }
    const wallet = await getWalletByDriver(tx, id);
    if (wallet) {
      const balance = formatMinorUnits(await getWalletBalance(tx, wallet.id), wallet.currency);
      throw conflict('driver_has_wallet', `${driver.name} has a prepaid wallet (balance ${balance}) whose ledger is kept for accounting, so the driver cannot be deleted: block the driver instead`);
    }
    await deleteInvoicingSetting(tx, 'driver', id);
    await deleteDriverRow(tx, id);
    await recordAudit(tx, actor, { action: 'driver.delete', targetType: 'driver', targetId: id, before: driverAuditView(driver) });
  });
}
