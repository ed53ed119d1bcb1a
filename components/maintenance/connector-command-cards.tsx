'use client';

import { useState } from 'react';
import { NativeSelect } from '@/components/ui/native-select';
import { ActionCard } from './action-card';
import { ConnectorOptions, Field } from './field';
import type { CardContext } from './station-command-cards';

function ConnectorSelect({ id, value, onChange, connectorIds, withStation }: { id: string; value: number; onChange(value: number): void; connectorIds: number[]; withStation?: boolean }) {
  return (
    <NativeSelect id={id} value={value} onChange={(event) => onChange(Number(event.target.value))}>
      {withStation ? <option value={0}>0 — the whole station</option> : null}
      <ConnectorOptions connectorIds={connectorIds} />
    </NativeSelect>
  );
}

/** UnlockConnector (§5.18): frees a cable stuck in the socket; a running transaction on it stops. */
export function UnlockConnectorCard({ stationId, disabledReason, connectorIds }: CardContext) {
  const [connectorId, setConnectorId] = useState(connectorIds[0] ?? 1);
  return (
    <ActionCard
      stationId={stationId}
      action="UnlockConnector"
      title="Unlock connector"
      description="Release a cable stuck in the socket."
      buttonLabel="Unlock"
      confirmTitle={`Unlock connector ${connectorId} of ${stationId}?`}
      confirmDescription="If a transaction runs on it, the station stops it first."
      destructive
      disabledReason={disabledReason}
      payload={() => ({ connectorId })}
    >
      <Field id="unlock-connector" label="Connector">
        <ConnectorSelect id="unlock-connector" value={connectorId} onChange={setConnectorId} connectorIds={connectorIds.length ? connectorIds : [1]} />
      </Field>
    </ActionCard>
  );
}

/** ChangeAvailability (§5.2): Scheduled means it applies when the running transaction ends. */
export function ChangeAvailabilityCard({ stationId, disabledReason, connectorIds }: CardContext) {
  const [connectorId, setConnectorId] = useState(0);
  const [type, setType] = useState<'Operative' | 'Inoperative'>('Inoperative');
  return (
    <ActionCard
      stationId={stationId}
      action="ChangeAvailability"
      title="Change availability"
      description="Take a connector (or the whole station) out of service, or back in."
      buttonLabel="Change availability"
      confirmTitle={`Make ${connectorId === 0 ? stationId : `connector ${connectorId}`} ${type.toLowerCase()}?`}
      confirmDescription={type === 'Inoperative' ? 'Drivers cannot start charging there until it is operative again.' : 'Drivers can charge there again.'}
      disabledReason={disabledReason}
      payload={() => ({ connectorId, type })}
    >
      <Field id="availability-connector" label="Connector">
        <ConnectorSelect id="availability-connector" value={connectorId} onChange={setConnectorId} connectorIds={connectorIds} withStation />
      </Field>
      <Field id="availability-type" label="Availability">
        <NativeSelect id="availability-type" value={type} onChange={(event) => setType(event.target.value as 'Operative' | 'Inoperative')}>
          <option value="Inoperative">Inoperative</option>
          <option value="Operative">Operative</option>
        </NativeSelect>
      </Field>
    </ActionCard>
  );
}
