import { z } from 'zod';
import type { Driver } from '../db/schema';
import { rowIssues, toCsv, type CsvRow, type ImportIssue } from './csv';
import { createDriverSchema, type CreateDriverInput } from './schemas';

export const DRIVER_COLUMNS = ['id', 'name', 'email', 'phone', 'status', 'company', 'notes'] as const;
export const DRIVER_REQUIRED_COLUMNS = ['name'] as const;

export interface DriverCsvRow {
  row: number;
  /** Set: update this driver; empty: a new driver. */
  id: string | null;
  fields: CreateDriverInput;
}

const idSchema = z.uuid({ error: 'must be a driver id (UUID), or empty for a new driver' });

export function readDriverRow({ row, cells }: CsvRow): { value?: DriverCsvRow; issues: ImportIssue[] } {
  const parsed = createDriverSchema.safeParse({
    name: cells.name ?? '',
    email: cells.email || null,
    phone: cells.phone || null,
    status: cells.status || 'active',
    company: cells.company || null,
    notes: cells.notes || null,
  });
  const id = cells.id ? idSchema.safeParse(cells.id) : undefined;
  const issues = parsed.success ? [] : rowIssues(row, parsed.error);
  if (id && !id.success) issues.unshift({ row, field: 'id', message: id.error.issues[0]!.message });
  if (!parsed.success || issues.length > 0) return { issues };
  return { value: { row, id: id?.data ?? null, fields: parsed.data }, issues };
}

/** The export has the import's columns: edit and import it again to update the same drivers. */
export function driversToCsv(drivers: Driver[]): string {
  return toCsv(
    DRIVER_COLUMNS,
    drivers.map(({ id, name, email, phone, status, company, notes }) => ({ id, name, email, phone, status, company, notes })),
  );
}
