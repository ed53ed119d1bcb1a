import { z } from 'zod';
import { defineOperation } from '../operation';
import { DRIVER_COLUMNS } from '../../drivers/driver-csv';
import { ID_TAG_COLUMNS } from '../../id-tags/id-tag-csv';
import { bulkBlockSchema } from '../../id-tags/schemas';

const importReportSchema = z.object({ ok: z.literal(true), created: z.number(), updated: z.number(), issues: z.array(z.never()) });
const importErrors = {
  400: 'invalid_csv: nothing was imported; `field` and `row` name the first problem, `issues` lists every bad row and column',
  413: 'too_large: more than 5 MB',
};

export const exportIdTagsCsvOperation = defineOperation({
  method: 'get', path: '/api/v1/id-tags.csv', tag: 'Id tags', role: 'viewer',
  summary: `Every id tag as CSV (text/csv), in the columns the import reads: ${ID_TAG_COLUMNS.join(', ')}`,
});
export const importIdTagsCsvOperation = defineOperation({
  method: 'post', path: '/api/v1/id-tags.csv', tag: 'Id tags', role: 'operator',
  summary: 'Imports id tags from a CSV body (text/csv, header row first): all rows or none; a known value updates the tag, a new one registers it',
  response: importReportSchema, errors: importErrors,
});
export const exportDriversCsvOperation = defineOperation({
  method: 'get', path: '/api/v1/drivers.csv', tag: 'Drivers', role: 'viewer', summary: 'Every driver as CSV (text/csv), in the columns the import reads',
});
export const importDriversCsvOperation = defineOperation({
  method: 'post', path: '/api/v1/drivers.csv', tag: 'Drivers', role: 'operator',
  summary: 'Imports drivers from a CSV body (text/csv): all rows or none; matched by id or email', response: importReportSchema, errors: importErrors,
});
export const bulkIdTagStatusOperation = defineOperation({
  method: 'post', path: '/api/v1/id-tags-bulk', tag: 'Id tags', role: 'operator',
  summary: 'Blocks (→ Blocked) or unblocks (Blocked → Accepted) many tags at once, all or none: an unknown value refuses the request naming idTags.N',
  body: bulkBlockSchema.strict(), response: z.object({ changed: z.array(z.string()).describe('tags whose status changed (the others were so already)') }),
});
