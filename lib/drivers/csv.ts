import { parse } from 'csv-parse/sync';

/** One problem in an imported file: the row (its line in the file; the header is row 1) and the column. */
export interface ImportIssue {
  row: number;
  field: string | null;
  message: string;
}

export interface ImportReport {
  ok: boolean;
  created: number;
  updated: number;
  /** Every problem found, by row; when there is one, nothing was imported. */
  issues: ImportIssue[];
}

/** Thrown inside the import's transaction to roll it back with the problems found. */
export class ImportRejected extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super('import rejected');
  }

  report(): ImportReport {
    return { ok: false, created: 0, updated: 0, issues: [...this.issues].sort((a, b) => a.row - b.row) };
  }
}

export interface CsvRow {
  row: number;
  cells: Record<string, string>;
}

export const MAX_IMPORT_ROWS = 5000;

// A cell starting with one of these is a formula to a spreadsheet (CSV injection): exported with a
// leading apostrophe, which the import takes off again.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Parses a CSV file whose first row names the columns (any order; unknown or missing required ones
 * are issues on row 1). Cells are trimmed; rows with the wrong number of cells are issues of their own.
 */
export function parseCsv(text: string, columns: readonly string[], required: readonly string[]): { rows: CsvRow[]; issues: ImportIssue[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const { lines, message } = error as { lines?: number; message: string };
    return { rows: [], issues: [{ row: lines ?? 1, field: null, message: `not a readable CSV file: ${message}` }] };
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], issues: [{ row: 1, field: null, message: 'the file is empty: the first row must name the columns' }] };
  const names = header.record;
  const issues: ImportIssue[] = [
    ...names.filter((name) => !columns.includes(name)).map((name) => ({ row: 1, field: name, message: `is not a column; the columns are ${columns.join(', ')}` })),
    ...required.filter((name) => !names.includes(name)).map((name) => ({ row: 1, field: name, message: 'is a required column' })),
  ];
  if (body.length > MAX_IMPORT_ROWS) issues.push({ row: 1, field: null, message: `at most ${MAX_IMPORT_ROWS} rows per file; split it` });
  if (issues.length > 0) return { rows: [], issues };
  const rows: CsvRow[] = [];
  for (const { record, info } of body) {
    if (record.length !== names.length) {
      issues.push({ row: info.lines, field: null, message: `has ${record.length} cells; the header has ${names.length}` });
      continue;
    }
    rows.push({ row: info.lines, cells: Object.fromEntries(names.map((name, i) => [name, unescapeCell(record[i]!)])) });
  }
  return { rows, issues };
}

const unescapeCell = (cell: string) => (cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell);

/** A plain decimal number ("-7.00") is data, not a formula: spreadsheets must read it as a number. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' || PLAIN_NUMBER.test(value) ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text: a header row, then one row per record, CRLF line ends. */
export function toCsv<C extends string>(columns: readonly C[], rows: Record<C, string | number | null | undefined>[]): string {
  return [columns.join(','), ...rows.map((row) => columns.map((column) => csvCell(row[column])).join(','))].join('\r\n') + '\r\n';
}

/** The first zod issue of each field, as import issues of one row. */
export function rowIssues(row: number, error: { issues: { path: PropertyKey[]; message: string }[] }): ImportIssue[] {
  const seen = new Set<string>();
  return error.issues.flatMap((issue) => {
    const field = issue.path.map(String).join('.') || null;
    if (seen.has(field ?? '')) return [];
    seen.add(field ?? '');
    return [{ row, field, message: issue.message }];
  });
}
