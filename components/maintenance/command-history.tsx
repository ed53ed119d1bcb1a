'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/components/live/api-fetch';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import type { CommandView } from '@/lib/commands/command-result';
import { outcomeLabel } from './command-outcome';

const time = (iso: string) => iso.replace('T', ' ').slice(0, 19);
const compact = (value: unknown) => (value == null ? '' : JSON.stringify(value));

/** Commands sent to this station, newest first; refreshed live by 'command.updated' events. */
export function CommandHistory({ stationId }: { stationId: string }) {
  const { data, error } = useQuery({
    queryKey: ['commands', stationId],
    queryFn: () => fetchJson<{ data: CommandView[] }>(`/api/v1/stations/${encodeURIComponent(stationId)}/commands?limit=50`),
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h3">Command history</CardTitle>
      </CardHeader>
      <CardContent>
        {error ? <p className="text-sm text-danger">{error.message}</p> : null}
        {data && data.data.length === 0 ? <p className="text-sm text-muted-foreground">No commands sent yet.</p> : null}
        {data && data.data.length > 0 ? (
          <Table aria-label="Command history">
            <THead>
              <Tr>
                <Th>Sent (UTC)</Th>
                <Th>By</Th>
                <Th>Command</Th>
                <Th>Result</Th>
                <Th>Answer</Th>
              </Tr>
            </THead>
            <TBody>
              {data.data.map((command) => {
                const { text, variant } = outcomeLabel(command);
                return (
                  <Tr key={command.id} data-command={command.id}>
                    <Td className="whitespace-nowrap">{time(command.createdAt)}</Td>
                    <Td className="whitespace-nowrap">{command.actor.label}</Td>
                    <Td>
                      <span className="font-medium">{command.action}</span> <code className="text-xs break-all">{compact(command.payload)}</code>
                    </Td>
                    <Td>
                      <Badge variant={variant}>{text}</Badge>
                    </Td>
                    <Td className="max-w-md text-xs break-all">
                      <code>{command.error ? `${command.error.code}: ${command.error.description ?? ''}` : compact(command.response)}</code>
                    </Td>
                  </Tr>
                );
              })}
            </TBody>
          </Table>
        ) : null}
      </CardContent>
    </Card>
  );
}
