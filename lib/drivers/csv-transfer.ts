import type { Db } from '../db/client';
import { listDrivers } from '../db/queries/drivers';
import { listIdTags, listSiteNames } from '../db/queries/id-tags';
import type { Actor } from '../auth/roles';
import { importIdTags } from '../id-tags/import-id-tags';
import { idTagsToCsv } from '../id-tags/id-tag-csv';
import type { ImportReport } from './csv';
import { driversToCsv } from './driver-csv';
import { importDrivers } from './import-drivers';

export type CsvKind = 'drivers' | 'id-tags';
const EVERYTHING = 1_000_000;

/** The whole list in the import's columns: what the UI download and GET /api/v1/{kind}.csv give. */
export async function exportCsv(db: Db, kind: CsvKind): Promise<string> {
  if (kind === 'drivers') return driversToCsv((await listDrivers(db, { limit: EVERYTHING })).rows);
  const [{ rows }, sites] = await Promise.all([listIdTags(db, { limit: EVERYTHING }), listSiteNames(db)]);
  return idTagsToCsv(rows, new Map(sites.map((site) => [site.id, site.name])));
}

export const csvImporters: Record<CsvKind, (db: Db, actor: Actor, csv: string) => Promise<ImportReport>> = { 'id-tags': importIdTags, drivers: importDrivers };

export const csvFileName = (kind: CsvKind, now = new Date()) => `${kind}-${now.toISOString().slice(0, 10)}.csv`;
