'use client';

import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from '@/components/live/api-fetch';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import type { CampaignDetail } from '@/lib/firmware/read-campaigns';

const stateVariant: Record<string, BadgeVariant> = { installed: 'success', failed: 'danger', pending: 'muted', completed: 'success', stopped: 'danger', cancelled: 'muted', paused: 'warning' };
const controls = [
  { control: 'pause', label: 'Pause', when: ['scheduled', 'running'] },
  { control: 'resume', label: 'Resume', when: ['paused'] },
  { control: 'retry', label: 'Retry failed', when: ['running', 'paused', 'completed', 'stopped'] },
  { control: 'cancel', label: 'Cancel', when: ['scheduled', 'running', 'paused'] },
] as const;
const time = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 19) : '—');

/** A campaign's progress, live: FirmwareStatusNotifications arrive as `firmware.updated` events. */
export function CampaignProgress({ initial, canControl }: { initial: CampaignDetail; canControl: boolean }) {
  const queryClient = useQueryClient();
  const key = ['firmware-campaign', initial.id];
  const { data = initial } = useQuery({ queryKey: key, queryFn: () => fetchJson<CampaignDetail>(`/api/v1/firmware/campaigns/${initial.id}`), initialData: initial });
  const [error, setError] = useState<string | null>(null);
  const { counts } = data;
  const percent = counts.total ? Math.round((counts.done / counts.total) * 100) : 0;

  async function control(name: string) {
    setError(null);
    const response = await fetch(`/api/v1/firmware/campaigns/${initial.id}/${name}`, { method: 'POST' });
    if (!response.ok) setError(((await response.json().catch(() => null)) as { error?: { message: string } } | null)?.error?.message ?? 'Failed');
    void queryClient.invalidateQueries({ queryKey: key });
  }

  return (
    <div className="grid gap-6">
      <section aria-label="Progress" className="grid gap-3">
        <p className="flex flex-wrap items-center gap-2 text-sm">
          State: <Badge variant={stateVariant[data.state] ?? 'outline'} data-testid="campaign-state">{data.state}</Badge>
          {data.stateReason ? <span className="text-muted-foreground">({data.stateReason})</span> : null}
        </p>
        <div role="progressbar" aria-label="Stations done" aria-valuemin={0} aria-valuemax={counts.total} aria-valuenow={counts.done} className="h-3 w-full overflow-hidden rounded-full bg-muted">
          <div className="h-full bg-primary transition-all" style={{ width: `${percent}%` }} />
        </div>
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4 lg:grid-cols-8" aria-label="Stations per state">
          {(['pending', 'sent', 'downloading', 'downloaded', 'installing', 'installed', 'failed', 'total'] as const).map((state) => (
            <div key={state} className="rounded-md border p-2">
              <dt className="text-muted-foreground capitalize">{state}</dt>
              <dd className="text-lg font-semibold" data-count={state}>{counts[state]}</dd>
            </div>
          ))}
        </dl>
        {canControl ? (
          <div className="flex flex-wrap gap-2">
            {controls
              .filter((c) => (c.when as readonly string[]).includes(data.state))
              .map((c) =>
                c.control === 'cancel' ? (
                  // Irreversible: nothing more is sent; stations already updating cannot be called back (OCPP 1.6 has no cancel).
                  <ConfirmDialog
                    key={c.control}
                    trigger={<Button variant="destructive">{c.label}</Button>}
                    title={`Cancel ${data.name}?`}
                    description={`${counts.pending} stations will not be updated. Stations already downloading or installing carry on.`}
                    confirmLabel="Cancel campaign"
                    cancelLabel="Keep it"
                    variant="destructive"
                    onConfirm={() => void control(c.control)}
                  />
                ) : (
                  <Button key={c.control} variant="outline" onClick={() => void control(c.control)}>
                    {c.label}
                  </Button>
                ),
              )}
          </div>
        ) : null}
        {error ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{error}</p> : null}
      </section>
      <Table aria-label="Stations">
        <THead>
          <Tr>
            <Th>Station</Th>
            <Th>State</Th>
            <Th>Detail</Th>
            <Th>Sent (UTC)</Th>
            <Th>Downloaded</Th>
            <Th>Finished</Th>
          </Tr>
        </THead>
        <TBody>
          {data.targets.map((target) => (
            <Tr key={target.stationId} data-station={target.stationId}>
              <Td>{target.stationId}</Td>
              <Td>
                <Badge variant={stateVariant[target.state] ?? 'outline'}>{target.state}</Badge>
              </Td>
              <Td className="text-xs">{target.detail ?? ''}</Td>
              <Td className="whitespace-nowrap">{time(target.sentAt)}</Td>
              <Td className="whitespace-nowrap">{target.downloadedAt ? `${time(target.downloadedAt)} (${target.downloads}×)` : '—'}</Td>
              <Td className="whitespace-nowrap">{time(target.finishedAt)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
