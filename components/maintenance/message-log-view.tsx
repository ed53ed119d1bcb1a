'use client';

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/components/live/api-fetch';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { Table, TBody, THead, Th, Tr } from '@/components/ui/table';
import { Field } from './field';
import { MessageRow, type MessageJson } from './message-row';
import { useMessageEvents } from './use-message-events';

const PAGE = 100;

/**
 * The station's frames from the message log. Live without polling: every batch of the station's
 * frames written to the log raises `message.logged`. Older pages stop the live view.
 */
export function MessageLogView({ stationId }: { stationId: string }) {
  const [direction, setDirection] = useState('');
  const [action, setAction] = useState('');
  const [errors, setErrors] = useState(false);
  const [beforeId, setBeforeId] = useState<number | null>(null);
  const live = beforeId === null;
  const query = new URLSearchParams({ limit: String(PAGE) });
  if (direction) query.set('direction', direction);
  if (action.trim()) query.set('action', action.trim());
  if (errors) query.set('errors', 'true');
  if (beforeId) query.set('beforeId', String(beforeId));
  const { data, error, isFetching } = useQuery({
    queryKey: ['messages', stationId, query.toString()],
    queryFn: () => fetchJson<{ data: MessageJson[] }>(`/api/v1/stations/${encodeURIComponent(stationId)}/messages?${query}`),
    placeholderData: (previous) => previous,
  });
  useMessageEvents(stationId, live);
  const rows = data?.data ?? [];
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h3">Message log {live ? <span className="text-sm font-normal text-muted-foreground">(live)</span> : null}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <form className="grid gap-3 sm:grid-cols-4" aria-label="Filter messages" onSubmit={(event) => event.preventDefault()}>
          <Field id="message-direction" label="Direction">
            <NativeSelect id="message-direction" value={direction} onChange={(event) => (setDirection(event.target.value), setBeforeId(null))}>
              <option value="">Both</option>
              <option value="in">Station → CSMS</option>
              <option value="out">CSMS → station</option>
            </NativeSelect>
          </Field>
          <Field id="message-action" label="Filter by action">
            <Input id="message-action" value={action} placeholder="e.g. Reset" onChange={(event) => (setAction(event.target.value), setBeforeId(null))} />
          </Field>
          <label className="flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" checked={errors} onChange={(event) => (setErrors(event.target.checked), setBeforeId(null))} />
            Errors only
          </label>
          <div className="flex items-end gap-2">
            {!live ? (
              <Button variant="outline" onClick={() => setBeforeId(null)}>
                Newest
              </Button>
            ) : null}
            <Button variant="outline" disabled={rows.length < PAGE} onClick={() => setBeforeId(rows.at(-1)!.id)}>
              Older
            </Button>
          </div>
        </form>
        {error ? <p className="text-sm text-danger">{error.message}</p> : null}
        {data && rows.length === 0 ? <p className="text-sm text-muted-foreground">No frames{isFetching ? '…' : ' match.'}</p> : null}
        {rows.length > 0 ? (
          <Table aria-label="OCPP messages">
            <THead>
              <Tr>
                <Th>Time (UTC)</Th>
                <Th>Direction</Th>
                <Th>Type</Th>
                <Th>Action</Th>
                <Th>Latency</Th>
                <Th>Frame</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((message) => (
                <MessageRow key={message.id} message={message} />
              ))}
            </TBody>
          </Table>
        ) : null}
      </CardContent>
    </Card>
  );
}
