'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { userActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { invoicingModes } from '@/lib/db/schema/statements';
import { getInvoicingSettings } from '@/lib/db/queries/statements';
import { getDriverById } from '@/lib/db/queries/drivers';
import { setInvoicingMode } from '@/lib/statements/invoicing-mode';

const schema = z.object({ driverId: z.uuid(), driverMode: z.enum([...invoicingModes, 'inherit']), companyMode: z.enum(invoicingModes).optional() });

/** Operator: the driver's own invoicing setting and their company's; only what changed is written (and audited). */
export const saveInvoicingAction = formAction('operator', schema, async ({ driverId, driverMode, companyMode }, user) => {
  const db = getDb();
  const driver = await getDriverById(db, driverId);
  const current = driver ? await getInvoicingSettings(db, driver.id, driver.company) : {};
  if ((current.driver?.mode ?? 'inherit') !== driverMode) await setInvoicingMode(db, userActor(user), { driverId, subject: 'driver', mode: driverMode });
  if (companyMode && driver?.company && (current.company?.mode ?? 'per_session') !== companyMode) await setInvoicingMode(db, userActor(user), { driverId, subject: 'company', mode: companyMode });
  revalidatePath(`/drivers/${driverId}`);
  return { ok: true, message: 'Saved. Sessions that stop from now on are invoiced this way.' };
});
