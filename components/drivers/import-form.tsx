'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import type { ImportReport } from '@/lib/drivers/csv';

type ImportState = { report?: ImportReport; message?: string };
type Action = (state: ImportState, formData: FormData) => Promise<ImportState>;

/** Uploads one CSV file; shows what was imported, or every problem by row and column (and that nothing was imported). */
export function ImportForm({ kind, label, action }: { kind: 'id-tags' | 'drivers'; label: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  const report = state.report;
  return (
    <form action={formAction} className="space-y-4" aria-label={label}>
      <input type="hidden" name="kind" value={kind} />
      <div className="max-w-md space-y-1.5">
        <Label htmlFor={`file-${kind}`}>{label}</Label>
        <Input id={`file-${kind}`} name="file" type="file" accept=".csv,text/csv" required className="py-1.5" />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Importing…' : 'Import'}
      </Button>
      {state.message ? <Alert variant="error">{state.message}</Alert> : null}
      {report?.ok ? (
        <Alert variant="success">
          Imported: {report.created} created, {report.updated} updated.
        </Alert>
      ) : null}
      {report && !report.ok ? (
        <div className="space-y-2">
          <Alert variant="error" title="Nothing was imported">
            {report.issues.length} problem{report.issues.length === 1 ? '' : 's'} in the file; correct them and import it again.
          </Alert>
          <Table aria-label="Import problems">
            <THead>
              <Tr>
                <Th>Row</Th>
                <Th>Column</Th>
                <Th>Problem</Th>
              </Tr>
            </THead>
            <TBody>
              {report.issues.map((issue, index) => (
                <Tr key={index}>
                  <Td className="tabular-nums">{issue.row}</Td>
                  <Td className="font-mono text-sm">{issue.field ?? '—'}</Td>
                  <Td>{issue.message}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </div>
      ) : null}
    </form>
  );
}
