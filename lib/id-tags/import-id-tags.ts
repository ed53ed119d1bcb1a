import type { Db } from '../db/client';
import { findDrivers } from '../db/queries/drivers';
import { getIdTagRow, insertIdTag, listParentLinks, listSiteNames, lockIdTagsByValue, replaceIdTagSites, updateIdTagRow } from '../db/queries/id-tags';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { ImportRejected, parseCsv, type ImportIssue, type ImportReport } from '../drivers/csv';
import { ID_TAG_COLUMNS, ID_TAG_REQUIRED_COLUMNS, readIdTagRow, type IdTagCsvRow } from './id-tag-csv';
import { newIdTagFields } from './id-tag-fields';
import { idTagAuditView } from './id-tag-view';
import { publishIdTagsUpdated } from './publish-id-tags-updated';

/**
 * Imports id tags from CSV, all or nothing, in one database transaction: a row whose value is
 * registered replaces that tag's fields, any other row registers a new tag. Every row is checked
 * like a REST body, and against the database and the rest of the file (duplicates, parents, drivers,
 * sites, cycles); one bad row refuses the whole file and the report names each row and column.
 */
export async function importIdTags(db: Db, actor: Actor, csv: string, now = new Date()): Promise<ImportReport> {
  const parsed = parseCsv(csv, ID_TAG_COLUMNS, ID_TAG_REQUIRED_COLUMNS);
  const read = parsed.rows.map(readIdTagRow);
  const issues = [...parsed.issues, ...read.flatMap((result) => result.issues)];
  const rows = read.flatMap((result) => (result.value ? [result.value] : []));
  try {
    const result = await db.transaction(async (tx) => {
      const existing = new Map((await lockIdTagsByValue(tx, rows.map((row) => row.fields.idTag))).map((tag) => [tag.idTag, tag]));
      const resolved = await resolveReferences(tx, rows, now, issues);
      if (issues.length > 0) throw new ImportRejected(issues);
      let created = 0;
      for (const { row, siteIds } of resolved) {
        const fields = newIdTagFields({ ...row.fields, driverId: row.driverId, siteIds });
        const before = existing.get(fields.idTag);
        const beforeView = before ? idTagAuditView((await getIdTagRow(tx, { id: before.id }))!) : undefined;
        const tag = before ? (await updateIdTagRow(tx, before.id, fields, now))! : await insertIdTag(tx, fields, now);
        await replaceIdTagSites(tx, tag.id, siteIds ?? []);
        const after = idTagAuditView((await getIdTagRow(tx, { id: tag.id }))!);
        await recordAudit(tx, actor, { action: before ? 'id_tag.update' : 'id_tag.create', targetType: 'id_tag', targetId: tag.idTag, before: beforeView, after, detail: `CSV import, row ${row.row}` });
        if (!before) created++;
      }
      return { ok: true, created, updated: resolved.length - created, issues: [] };
    });
    await publishIdTagsUpdated(db, rows.map((row) => row.fields.idTag));
    return result;
  } catch (error) {
    if (error instanceof ImportRejected) return error.report();
    throw error;
  }
}

/** Cross-row and database checks; fills `issues`, returns each row with its driver id and site ids. */
async function resolveReferences(db: Db, rows: IdTagCsvRow[], now: Date, issues: ImportIssue[]) {
  const issue = (row: number, field: string, message: string) => issues.push({ row, field, message });
  const firstRow = new Map<string, number>();
  const links = await listParentLinks(db);
  for (const row of rows) {
    const seen = firstRow.get(row.fields.idTag);
    if (seen !== undefined) issue(row.row, 'idTag', `${row.fields.idTag} is on row ${seen} already`);
    else firstRow.set(row.fields.idTag, row.row);
    if (row.fields.parentIdTag) links.set(row.fields.idTag, row.fields.parentIdTag);
    else links.delete(row.fields.idTag);
    if (row.fields.expiryDate && row.fields.expiryDate.getTime() <= now.getTime()) issue(row.row, 'expiryDate', 'must be in the future (to end a tag now, set its status to Expired)');
  }
  const parentsOutsideFile = [...new Set(rows.flatMap((row) => (row.fields.parentIdTag && !firstRow.has(row.fields.parentIdTag) ? [row.fields.parentIdTag] : [])))];
  const registered = new Set((await lockIdTagsByValue(db, parentsOutsideFile)).map((tag) => tag.idTag));
  const drivers = await findDrivers(db, { ids: rows.flatMap((row) => (row.driverId ? [row.driverId] : [])), emails: rows.flatMap((row) => (row.driverEmail ? [row.driverEmail] : [])) });
  const siteIds = new Map((await listSiteNames(db)).map((site) => [site.name.toLowerCase(), site.id]));
  return rows.map((row) => {
    const parent = row.fields.parentIdTag;
    if (parent === row.fields.idTag) issue(row.row, 'parentIdTag', 'a tag cannot be its own parent');
    else if (parent && !firstRow.has(parent) && !registered.has(parent)) issue(row.row, 'parentIdTag', `no tag ${parent} is registered or in this file`);
    else if (parent && formsCycle(row.fields.idTag, links)) issue(row.row, 'parentIdTag', `${parent} leads back to ${row.fields.idTag}: a cycle`);
    const driver = row.driverId ? drivers.find((d) => d.id === row.driverId) : row.driverEmail ? drivers.find((d) => d.email?.toLowerCase() === row.driverEmail) : undefined;
    if (row.driverId && !driver) issue(row.row, 'driverId', 'no such driver');
    else if (row.driverEmail && !driver) issue(row.row, 'driverEmail', `no driver has the email ${row.driverEmail}`);
    const sites = row.siteNames.map((name) => siteIds.get(name.toLowerCase()));
    const unknownSite = row.siteNames.find((_, i) => !sites[i]);
    if (unknownSite) issue(row.row, 'sites', `no site is called ${unknownSite}`);
    return { row: { ...row, driverId: driver?.id ?? null }, siteIds: row.siteNames.length > 0 ? [...new Set(sites.filter((id): id is string => !!id))] : null };
  });
}

function formsCycle(start: string, parentOf: Map<string, string>): boolean {
  let current = parentOf.get(start);
  for (let steps = 0; current !== undefined && steps < 1000; steps++) {
    if (current === start) return true;
    current = parentOf.get(current);
  }
  return false;
}
