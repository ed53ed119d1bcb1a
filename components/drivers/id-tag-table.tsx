'use client';

import Link from 'next/link';
import { useActionState, useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { fetchJson } from '@/components/live/api-fetch';
import type { FormState } from '@/lib/actions/form-action';
import type { IdTagView } from '@/lib/id-tags/id-tag-view';
import { IdTagStatusBadge } from './id-tag-status-badge';
import { FormMessage } from '@/components/forms/form-message';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
export type IdTagPage = { data: IdTagView[]; total: number };

const noAction: Action = async () => ({});
const when = (at: string | null) => (at ? at.replace('T', ' ').slice(0, 16) : 'never');

/**
 * Tags with their live status (re-read when an idTag.updated event arrives: query key ['id-tags', …]).
 * Operators tick tags and block or unblock them together, after a confirmation.
 */
export function IdTagTable({ initial, apiQuery, label, bulkAction }: { initial: IdTagPage; apiQuery: string; label: string; bulkAction?: Action }) {
  const queryClient = useQueryClient();
  const queryKey = ['id-tags', apiQuery];
  const { data, error } = useQuery({ queryKey, queryFn: () => fetchJson<IdTagPage>(`/api/v1/id-tags?${apiQuery}`), initialData: initial });
  // A server re-render (after a change here) brings a fresher list than the cache holds.
  useEffect(() => {
    queryClient.setQueryData(['id-tags', apiQuery], initial);
  }, [queryClient, apiQuery, initial]);
  const [selected, setSelected] = useState<string[]>([]);
  const [state, formAction] = useActionState<FormState, FormData>(bulkAction ?? noAction, {});
  const shown = selected.filter((value) => data.data.some((tag) => tag.idTag === value));
  const toggle = (value: string, on: boolean) => setSelected((list) => (on ? [...list, value] : list.filter((other) => other !== value)));
  const allOn = data.data.length > 0 && shown.length === data.data.length;
  return (
    <div className="space-y-3">
      {error ? <Alert variant="error">Could not refresh the tags: {error.message}</Alert> : null}
      <FormMessage state={state} />
      {bulkAction ? (
        <div className="flex flex-wrap items-center gap-2" aria-label="Selected tags">
          <span className="text-sm text-muted-foreground">{shown.length} selected</span>
          {(['block', 'unblock'] as const).map((action) => (
            <ConfirmDialog
              key={action}
              trigger={
                <Button size="sm" variant={action === 'block' ? 'destructive' : 'outline'} disabled={shown.length === 0}>
                  {action === 'block' ? 'Block selected' : 'Unblock selected'}
                </Button>
              }
              title={`${action === 'block' ? 'Block' : 'Unblock'} ${shown.length} tag${shown.length === 1 ? '' : 's'}?`}
              description={
                action === 'block'
                  ? `Stations answer Blocked for ${shown.join(', ')} (and every tag in their groups) from now on.`
                  : `Blocked tags among ${shown.join(', ')} become Accepted again; expired ones stay expired.`
              }
              confirmLabel={action === 'block' ? 'Block' : 'Unblock'}
              variant={action === 'block' ? 'destructive' : 'default'}
              action={async (formData) => {
                formAction(formData);
                setSelected([]);
              }}
            >
              <input type="hidden" name="idTags" value={shown.join(',')} />
              <input type="hidden" name="action" value={action} />
            </ConfirmDialog>
          ))}
        </div>
      ) : null}
      <Table aria-label={label}>
        <THead>
          <Tr>
            {bulkAction ? (
              <Th className="w-10">
                <input type="checkbox" aria-label="Select all shown tags" className="size-4" checked={allOn} onChange={(event) => setSelected(event.target.checked ? data.data.map((tag) => tag.idTag) : [])} />
              </Th>
            ) : null}
            <Th>Tag</Th>
            <Th>Status</Th>
            <Th>Driver</Th>
            <Th>Group</Th>
            <Th>Expires (UTC)</Th>
            <Th>Max. sessions</Th>
            <Th>Sites</Th>
          </Tr>
        </THead>
        <TBody>
          {data.data.map((tag) => (
            <Tr key={tag.id} data-id-tag={tag.idTag}>
              {bulkAction ? (
                <Td>
                  <input type="checkbox" aria-label={`Select ${tag.idTag}`} className="size-4" checked={shown.includes(tag.idTag)} onChange={(event) => toggle(tag.idTag, event.target.checked)} />
                </Td>
              ) : null}
              <Td>
                <Link className="font-mono font-medium underline-offset-2 hover:underline" href={`/drivers/tags/${tag.id}`}>
                  {tag.idTag}
                </Link>
                {tag.label ? <div className="text-xs text-muted-foreground">{tag.label}</div> : null}
              </Td>
              <Td>
                <IdTagStatusBadge tag={tag} />
              </Td>
              <Td>{tag.driverId ? <Link className="underline-offset-2 hover:underline" href={`/drivers/${tag.driverId}`}>{tag.driverName}</Link> : <span className="text-muted-foreground">—</span>}</Td>
              <Td className="font-mono text-sm">{tag.parentIdTag ?? '—'}</Td>
              <Td className="whitespace-nowrap text-sm">{when(tag.expiryDate)}</Td>
              <Td className="tabular-nums">{tag.maxActiveTransactions ?? 'no limit'}</Td>
              <Td className="text-sm">{tag.siteIds ? `${tag.siteIds.length} site${tag.siteIds.length === 1 ? '' : 's'}` : 'all'}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {data.total > data.data.length ? <p className="text-sm text-muted-foreground">Showing {data.data.length} of {data.total}: narrow the search to see the others.</p> : null}
    </div>
  );
}
