import { z } from 'zod';
import type { IdTagRow } from '../db/queries/id-tags';
import { rowIssues, toCsv, type CsvRow, type ImportIssue } from '../drivers/csv';
import { createIdTagSchema, type CreateIdTagInput } from './schemas';

export const ID_TAG_COLUMNS = ['idTag', 'status', 'expiryDate', 'parentIdTag', 'maxActiveTransactions', 'driverId', 'driverEmail', 'sites', 'label'] as const;
export const ID_TAG_REQUIRED_COLUMNS = ['idTag', 'status'] as const;

/** A row of the file: the tag's own fields checked like the REST body; driver and sites still by reference. */
export interface IdTagCsvRow {
  row: number;
  fields: Omit<CreateIdTagInput, 'driverId' | 'siteIds'>;
  driverId: string | null;
  driverEmail: string | null;
  siteNames: string[];
}

const rowSchema = createIdTagSchema.omit({ driverId: true, siteIds: true });
const driverIdSchema = z.uuid({ error: 'must be a driver id (UUID)' });

/** Cells to REST fields: an empty cell is "none" (maxActiveTransactions: 1), `unlimited` is no limit, a plain date expires at its end (UTC). */
function cellsToFields(cells: Record<string, string>): Record<string, unknown> {
  const cell = (name: string) => (cells[name] ? cells[name] : undefined);
  const expiry = cell('expiryDate');
  const max = cell('maxActiveTransactions');
  return {
    idTag: cells.idTag ?? '',
    status: cells.status ?? '',
    expiryDate: expiry && /^\d{4}-\d{2}-\d{2}$/.test(expiry) ? `${expiry}T23:59:59Z` : (expiry ?? null),
    parentIdTag: cell('parentIdTag') ?? null,
    maxActiveTransactions: max === undefined ? undefined : max.toLowerCase() === 'unlimited' ? null : /^-?\d+$/.test(max) ? Number(max) : max,
    label: cell('label') ?? null,
  };
}

export function readIdTagRow({ row, cells }: CsvRow): { value?: IdTagCsvRow; issues: ImportIssue[] } {
  const parsed = rowSchema.safeParse(cellsToFields(cells));
  const issues = parsed.success ? [] : rowIssues(row, parsed.error);
  const driverId = cells.driverId ? driverIdSchema.safeParse(cells.driverId) : undefined;
  if (driverId && !driverId.success) issues.push({ row, field: 'driverId', message: 'must be a driver id (UUID)' });
  if (!parsed.success || issues.length > 0) return { issues };
  const siteNames = (cells.sites ?? '').split(';').map((name) => name.trim()).filter(Boolean);
  return { value: { row, fields: parsed.data, driverId: driverId?.data ?? null, driverEmail: cells.driverEmail?.toLowerCase() || null, siteNames }, issues };
}

/** The export: the import's columns, so a file exported, edited and imported again updates the same tags. */
export function idTagsToCsv(rows: IdTagRow[], siteNames: Map<string, string>): string {
  return toCsv(
    ID_TAG_COLUMNS,
    rows.map((tag) => ({
      idTag: tag.idTag,
      status: tag.status,
      expiryDate: tag.expiresAt?.toISOString() ?? '',
      parentIdTag: tag.parentIdTag,
      maxActiveTransactions: tag.maxConcurrentTx === null ? 'unlimited' : tag.maxConcurrentTx,
      driverId: tag.driverId,
      driverEmail: tag.driverEmail,
      sites: tag.allSites ? '' : tag.siteIds.map((id) => siteNames.get(id) ?? id).join('; '),
      label: tag.label,
    })),
  );
}
