'use client';

import { Alert } from '@/components/ui/alert';
import { CommandHistory } from './command-history';
import { ChangeAvailabilityCard, UnlockConnectorCard } from './connector-command-cards';
import { DiagnosticsCard } from './diagnostics-card';
import { ClearCacheCard, ResetCard, TriggerMessageCard, type CardContext } from './station-command-cards';
import { RemoteStartCard, RemoteStopCard } from './transaction-command-cards';
import { commandBlocker, useStation } from './use-station';

/** The station's maintenance actions (OCPP 1.6 §5), each confirmed, with the station's answer shown. */
export function MaintenanceActions({ stationId, canSend }: { stationId: string; canSend: boolean }) {
  const { data, error } = useStation(stationId);
  if (error) return <Alert variant="error">{error.message}</Alert>;
  const reason = commandBlocker(data?.station, canSend);
  const connectors = data?.connectors.filter((connector) => connector.connectorId > 0) ?? [];
  const context: CardContext = { stationId, disabledReason: reason, connectorIds: connectors.map((connector) => connector.connectorId) };
  const sessions = connectors.flatMap((connector) => (connector.session ? [connector.session] : []));
  return (
    <div className="grid gap-6">
      {reason && data ? <Alert variant="info">Commands are disabled: {reason}</Alert> : null}
      <section aria-label="Maintenance actions" className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        <ResetCard {...context} />
        <UnlockConnectorCard {...context} />
        <ChangeAvailabilityCard {...context} />
        <ClearCacheCard {...context} />
        <TriggerMessageCard {...context} />
        <RemoteStartCard {...context} />
        <RemoteStopCard {...context} sessions={sessions} />
        <DiagnosticsCard stationId={stationId} disabledReason={reason} status={data?.station.diagnosticsStatus ?? null} statusAt={data?.station.diagnosticsStatusAt ?? null} />
      </section>
      <CommandHistory stationId={stationId} />
    </div>
  );
}
