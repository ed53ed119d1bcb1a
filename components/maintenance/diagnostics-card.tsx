'use client';

import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { requestDiagnosticsAction } from '@/app/(dashboard)/stations/[stationId]/diagnostics-actions';
import type { CommandActionResult } from '@/app/(dashboard)/stations/[stationId]/command-actions';
import { fetchJson } from '@/components/live/api-fetch';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { DiagnosticsView } from '@/lib/diagnostics/diagnostics-view';
import { CommandOutcome } from './command-outcome';

const kib = (bytes: number | null) => (bytes === null ? '' : `${(bytes / 1024).toFixed(1)} KiB`);

/**
 * GetDiagnostics (§5.9) to a one-time upload URL on this server; the station's progress
 * (DiagnosticsStatusNotification, §4.4) and the uploaded files, live.
 */
export function DiagnosticsCard(props: { stationId: string; disabledReason: string | null; status: string | null; statusAt: string | null }) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<CommandActionResult | null>(null);
  const files = useQuery({
    queryKey: ['diagnostics', props.stationId],
    queryFn: () => fetchJson<{ data: DiagnosticsView[] }>(`/api/v1/stations/${encodeURIComponent(props.stationId)}/diagnostics`),
  });
  async function request() {
    setPending(true);
    setResult(await requestDiagnosticsAction(props.stationId).catch((error: Error) => ({ error: error.message })));
    setPending(false);
    void queryClient.invalidateQueries({ queryKey: ['diagnostics', props.stationId] });
    void queryClient.invalidateQueries({ queryKey: ['commands', props.stationId] });
  }
  const disabled = props.disabledReason !== null || pending;
  return (
    <Card data-action="GetDiagnostics" className="md:col-span-2 xl:col-span-3">
      <CardHeader>
        <CardTitle as="h3">Diagnostics</CardTitle>
        <CardDescription>
          The station uploads a diagnostics file to this server.{' '}
          {props.status ? (
            <span role="status">
              Station reports: <Badge variant={props.status === 'UploadFailed' ? 'danger' : props.status === 'Uploaded' ? 'success' : 'outline'}>{props.status}</Badge>
              {props.statusAt ? ` (${props.statusAt.replace('T', ' ').slice(0, 19)} UTC)` : null}
            </span>
          ) : null}
        </CardDescription>
      </CardHeader>
      {files.data && files.data.data.length > 0 ? (
        <CardContent>
          <ul aria-label="Diagnostics files" className="grid gap-1 text-sm">
            {files.data.data.slice(0, 10).map((file) => (
              <li key={file.id} className="flex flex-wrap items-center gap-2">
                <span className="text-muted-foreground">{file.createdAt.replace('T', ' ').slice(0, 19)}</span>
                {file.downloadUrl ? (
                  <a className="underline underline-offset-2" href={file.downloadUrl} download>
                    {file.fileName}
                  </a>
                ) : (
                  <Badge variant="muted">{file.state}</Badge>
                )}
                <span className="text-muted-foreground">{kib(file.sizeBytes)}</span>
              </li>
            ))}
          </ul>
        </CardContent>
      ) : null}
      <CardFooter className="flex-wrap">
        <ConfirmDialog
          trigger={<Button disabled={disabled} aria-disabled={disabled}>{pending ? 'Waiting for the station…' : 'Request diagnostics'}</Button>}
          title={`Request diagnostics from ${props.stationId}?`}
          description="The station collects its logs and uploads them to a one-time URL on this server (valid for an hour)."
          confirmLabel="Request diagnostics"
          onConfirm={() => void request()}
        />
        {props.disabledReason ? <span className="text-sm text-muted-foreground">{props.disabledReason}</span> : null}
        <CommandOutcome result={result} />
      </CardFooter>
    </Card>
  );
}
