import type { Db } from '../db/client';
import { findDrivers, insertDriver, listDriverIdTagValues, updateDriverRow } from '../db/queries/drivers';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { publishIdTagsUpdated } from '../id-tags/publish-id-tags-updated';
import { ImportRejected, parseCsv, type ImportReport } from './csv';
import { DRIVER_COLUMNS, DRIVER_REQUIRED_COLUMNS, readDriverRow } from './driver-csv';
import { driverAuditView } from './driver-view';
import { emailChanged, resetEmailVerification } from './driver-email-verification';

/**
 * Imports drivers from CSV, all or nothing, in one database transaction: a row with an id updates
 * that driver, a row without one creates a driver. An unknown id, a bad field or an email used twice
 * (in the file, or by another driver) refuses the whole file; the report names each row and column.
 */
export async function importDrivers(db: Db, actor: Actor, csv: string, now = new Date()): Promise<ImportReport> {
  const parsed = parseCsv(csv, DRIVER_COLUMNS, DRIVER_REQUIRED_COLUMNS);
  const read = parsed.rows.map(readDriverRow);
  const issues = [...parsed.issues, ...read.flatMap((result) => result.issues)];
  const rows = read.flatMap((result) => (result.value ? [result.value] : []));
  const blockedChanged: string[] = [];
  try {
    const result = await db.transaction(async (tx) => {
      const emails = rows.flatMap((row) => (row.fields.email ? [row.fields.email] : []));
      const known = await findDrivers(tx, { ids: rows.flatMap((row) => (row.id ? [row.id] : [])), emails });
      const emailRow = new Map<string, number>();
      for (const row of rows) {
        if (row.id && !known.some((driver) => driver.id === row.id)) issues.push({ row: row.row, field: 'id', message: 'no driver has this id' });
        const email = row.fields.email;
        if (!email) continue;
        const holder = known.find((driver) => driver.email === email);
        if (emailRow.has(email)) issues.push({ row: row.row, field: 'email', message: `${email} is on row ${emailRow.get(email)} already` });
        else if (holder && holder.id !== row.id) issues.push({ row: row.row, field: 'email', message: `${email} belongs to another driver` });
        emailRow.set(email, emailRow.get(email) ?? row.row);
      }
      if (issues.length > 0) throw new ImportRejected(issues);
      let created = 0;
      for (const row of rows) {
        const before = row.id ? known.find((driver) => driver.id === row.id) : undefined;
        const after = before ? (await updateDriverRow(tx, before.id, row.fields, now))! : await insertDriver(tx, row.fields, now);
        if (!before) created++;
        else if (before.status !== after.status) blockedChanged.push(...(await listDriverIdTagValues(tx, after.id)));
        // A new address is not verified; the driver asks for a link from the portal's account page.
        if (before && emailChanged(before, after)) await resetEmailVerification(tx, after.id, now);
        await recordAudit(tx, actor, {
          action: before ? 'driver.update' : 'driver.create',
          targetType: 'driver',
          targetId: after.id,
          before: before ? driverAuditView(before) : undefined,
          after: driverAuditView(after),
          detail: `CSV import, row ${row.row}`,
        });
      }
      return { ok: true, created, updated: rows.length - created, issues: [] };
    });
    await publishIdTagsUpdated(db, blockedChanged);
    return result;
  } catch (error) {
    if (error instanceof ImportRejected) return error.report();
    throw error;
  }
}
