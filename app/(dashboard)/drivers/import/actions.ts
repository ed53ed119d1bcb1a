'use server';

import { revalidatePath } from 'next/cache';
import { requireRole, userActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import type { ImportReport } from '@/lib/drivers/csv';
import { csvImporters } from '@/lib/drivers/csv-transfer';

export interface ImportState {
  report?: ImportReport;
  message?: string;
}

/** One CSV file from the import form; the report comes back whole (all rows imported, or none). */
export async function importCsvAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const user = await requireRole('operator');
  const kind = formData.get('kind');
  const file = formData.get('file');
  if (kind !== 'id-tags' && kind !== 'drivers') return { message: 'Unknown import.' };
  if (!(file instanceof File) || file.size === 0) return { message: 'Choose a CSV file first.' };
  const report = await csvImporters[kind](getDb(), userActor(user), await file.text());
  if (report.ok) revalidatePath('/drivers', 'layout');
  return { report };
}
