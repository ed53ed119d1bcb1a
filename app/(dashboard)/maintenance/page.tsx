import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { outcomeLabel } from '@/components/maintenance/command-outcome';
import { requireUser } from '@/lib/auth/session';
import { commandView } from '@/lib/commands/command-result';
import { getDb } from '@/lib/db/client';
import { listRecentCommands } from '@/lib/db/queries/commands';

export const dynamic = 'force-dynamic';

const time = (iso: string) => iso.replace('T', ' ').slice(0, 19);

/** Remote operations across the fleet; each station's Maintenance tab sends them. */
export default async function MaintenancePage() {
  await requireUser();
  const commands = (await listRecentCommands(getDb(), { limit: 100 })).map(commandView);
  return (
    <>
      <PageHeader
        title="Maintenance"
        description="Remote commands sent to stations (OCPP 1.6 §5), newest first. Send one from a station's Maintenance tab."
        actions={
          <Link className="text-sm underline underline-offset-2" href="/maintenance/firmware">
            Firmware and campaigns
          </Link>
        }
      />
      {commands.length === 0 ? (
        <EmptyState title="No commands sent yet" description="Open a station and use its Maintenance tab to reset it, unlock a connector, change its availability or configuration." />
      ) : (
        <Table aria-label="Recent commands">
          <THead>
            <Tr>
              <Th>Sent (UTC)</Th>
              <Th>Station</Th>
              <Th>Command</Th>
              <Th>By</Th>
              <Th>Result</Th>
            </Tr>
          </THead>
          <TBody>
            {commands.map((command) => {
              const { text, variant } = outcomeLabel(command);
              return (
                <Tr key={command.id}>
                  <Td className="whitespace-nowrap">{time(command.createdAt)}</Td>
                  <Td>
                    <Link className="underline-offset-2 hover:underline" href={`/stations/${encodeURIComponent(command.stationId)}?tab=maintenance`}>
                      {command.stationId}
                    </Link>
                  </Td>
                  <Td>
                    <span className="font-medium">{command.action}</span> <code className="text-xs break-all">{JSON.stringify(command.payload)}</code>
                  </Td>
                  <Td className="whitespace-nowrap">{command.actor.label}</Td>
                  <Td>
                    <Badge variant={variant}>{text}</Badge>
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </>
  );
}
