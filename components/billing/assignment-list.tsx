'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import type { FormState } from '@/lib/actions/form-action';
import { describeAssignmentTarget } from '@/lib/tariffs/describe-tariff';
import type { AssignmentView } from '@/lib/tariffs/tariff-resource';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
const noAction: Action = async () => ({});

export type AssignmentRow = AssignmentView & { tariffName?: string };

/** Open assignments; admins can end one (it stays in the history that priced earlier sessions). */
export function AssignmentList({ assignments, removeAction, showTariff }: { assignments: AssignmentRow[]; removeAction?: Action; showTariff?: boolean }) {
  if (assignments.length === 0) return <p className="text-sm text-muted-foreground">Not assigned anywhere.</p>;
  return (
    <Table aria-label="Assignments">
      <THead>
        <Tr>
          <Th>Applies to</Th>
          {showTariff ? <Th>Tariff</Th> : null}
          <Th>Since</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {assignments.map((assignment) => (
          <AssignmentItem key={assignment.id} assignment={assignment} removeAction={removeAction} showTariff={showTariff} />
        ))}
      </TBody>
    </Table>
  );
}

function AssignmentItem({ assignment, removeAction, showTariff }: { assignment: AssignmentRow; removeAction?: Action; showTariff?: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(removeAction ?? noAction, {});
  return (
    <Tr data-assignment={assignment.scope}>
      <Td>
        {describeAssignmentTarget(assignment)}
        {state.message && !state.ok ? <p role="alert" className="text-sm text-danger">{state.message}</p> : null}
      </Td>
      {showTariff ? <Td>{assignment.tariffName}</Td> : null}
      <Td className="text-sm text-muted-foreground">
        {new Date(assignment.createdAt).toLocaleString()} by {assignment.createdBy}
      </Td>
      <Td>
        {removeAction && assignment.scope !== 'default' ? (
          <form action={action}>
            <input type="hidden" name="tariffId" value={assignment.tariffId} />
            <input type="hidden" name="assignmentId" value={assignment.id} />
            <Button type="submit" size="sm" variant="outline" disabled={pending}>
              End
            </Button>
          </form>
        ) : null}
      </Td>
    </Tr>
  );
}
