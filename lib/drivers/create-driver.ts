import type { Db } from '../db/client';
import { getDriverByEmail, insertDriver } from '../db/queries/drivers';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { isUniqueViolation } from '../id-tags/is-unique-violation';
import { driverAuditView, driverView, emailTaken, type DriverView } from './driver-view';
import type { CreateDriverInput } from './schemas';

export async function createDriver(db: Db, actor: Actor, input: CreateDriverInput, now = new Date()): Promise<DriverView> {
  try {
    return await db.transaction(async (tx) => {
      if (input.email && (await getDriverByEmail(tx, input.email))) throw emailTaken(input.email);
      const driver = await insertDriver(tx, input, now);
      await recordAudit(tx, actor, { action: 'driver.create', targetType: 'driver', targetId: driver.id, after: driverAuditView(driver) });
      return driverView(driver);
    });
  } catch (error) {
    if (input.email && isUniqueViolation(error, 'drivers_email_unique')) throw emailTaken(input.email);
    throw error;
  }
}
