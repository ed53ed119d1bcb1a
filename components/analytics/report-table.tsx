import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { figureLabel, formatFigure } from '@/lib/analytics/figure-labels';
import type { Figures } from '@/lib/analytics/report-types';

/** The report's table: the same columns as its CSV, labelled for people (seconds shown as hours). */
export function ReportTable({ label, columns, rows }: { label: string; columns: string[]; rows: Figures[] }) {
  return (
    <Table aria-label={label}>
      <THead>
        <Tr>
          {columns.map((column) => (
            <Th key={column}>{figureLabel(column)}</Th>
          ))}
        </Tr>
      </THead>
      <TBody>
        {rows.map((row, i) => (
          <Tr key={i}>
            {columns.map((column) => (
              <Td key={column} className="tabular-nums text-sm">
                {formatFigure(column, row[column])}
              </Td>
            ))}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
