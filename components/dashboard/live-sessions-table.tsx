import Link from 'next/link';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import type { LiveSessionWithCost } from '@/lib/dashboard/attach-costs';
import { formatMinorUnits } from '@/lib/pricing/currency';
import { formatDuration, formatKw, formatKwh } from './format';

export function LiveSessionsTable({ sessions, now }: { sessions: LiveSessionWithCost[]; now: number }) {
  return (
    <Table aria-label="Live sessions">
      <THead>
        <Tr>
          <Th>Station</Th>
          <Th>Connector</Th>
          <Th>Id tag</Th>
          <Th>Duration</Th>
          <Th>Energy</Th>
          <Th>Power</Th>
          <Th>Cost so far</Th>
        </Tr>
      </THead>
      <TBody>
        {sessions.map((session) => (
          <Tr key={session.transactionId} data-transaction={session.transactionId}>
            <Td>
              <Link className="font-medium underline-offset-2 hover:underline" href={`/stations/${encodeURIComponent(session.stationId)}`}>
                {session.stationId}
              </Link>
            </Td>
            <Td>{session.connectorId}</Td>
            <Td className="font-mono text-sm">{session.idTag}</Td>
            <Td>{formatDuration(session.startedAt, now)}</Td>
            <Td className="tabular-nums">{formatKwh(session.energyWh)}</Td>
            <Td className="tabular-nums">{formatKw(session.powerW)}</Td>
            <Td className="tabular-nums">{session.costSoFar ? formatMinorUnits(session.costSoFar.gross, session.costSoFar.currency) : '—'}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
