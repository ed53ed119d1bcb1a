import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import type { Figures } from '@/lib/analytics/report-types';

const show = (value: Figures[string], column: string) => {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number' && /Share$|^uptime$/.test(column)) return `${(value * 100).toFixed(1)} %`;
  return typeof value === 'number' ? value.toLocaleString('en') : value;
};

/** The report's table, the same columns as its CSV. */
export function ReportTable({ label, columns, rows }: { label: string; columns: string[]; rows: Figures[] }) {
  return (
    <Table aria-label={label}>
      <THead>
        <Tr>
          {columns.map((column) => (
            <Th key={column}>{column}</Th>
          ))}
        </Tr>
      </THead>
      <TBody>
        {rows.map((row, i) => (
          <Tr key={i}>
            {columns.map((column) => (
              <Td key={column} className="tabular-nums text-sm">
                {show(row[column] ?? null, column)}
              </Td>
            ))}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
