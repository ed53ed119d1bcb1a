'use client';

import { useState } from 'react';
import { NativeSelect } from '@/components/ui/native-select';
import { ActionCard } from './action-card';
import { ConnectorOptions, Field } from './field';

export interface CardContext {
  stationId: string;
  disabledReason: string | null;
  /** Connector ids the station reported (StatusNotification), connector 0 excluded. */
  connectorIds: number[];
}

/** Reset (§5.14). */
export function ResetCard({ stationId, disabledReason }: CardContext) {
  const [type, setType] = useState<'Soft' | 'Hard'>('Soft');
  return (
    <ActionCard
      stationId={stationId}
      action="Reset"
      title="Reset"
      description="Soft: the station ends its transactions and restarts its software. Hard: it reboots entirely."
      buttonLabel="Reset"
      confirmTitle={`Reset ${stationId}?`}
      confirmDescription={`A ${type} reset stops any transaction running on the station.`}
      destructive
      disabledReason={disabledReason}
      payload={() => ({ type })}
    >
      <Field id="reset-type" label="Reset type">
        <NativeSelect id="reset-type" value={type} onChange={(event) => setType(event.target.value as 'Soft' | 'Hard')}>
          <option value="Soft">Soft</option>
          <option value="Hard">Hard</option>
        </NativeSelect>
      </Field>
    </ActionCard>
  );
}

/** ClearCache (§5.4). */
export function ClearCacheCard({ stationId, disabledReason }: CardContext) {
  return (
    <ActionCard
      stationId={stationId}
      action="ClearCache"
      title="Clear authorization cache"
      description="The station forgets the idTags it cached; the next card tap asks the CSMS again."
      buttonLabel="Clear cache"
      confirmTitle={`Clear the authorization cache of ${stationId}?`}
      confirmDescription="Drivers are authorized online again on their next tap."
      disabledReason={disabledReason}
      payload={() => ({})}
    />
  );
}

const triggerable = ['BootNotification', 'DiagnosticsStatusNotification', 'FirmwareStatusNotification', 'Heartbeat', 'MeterValues', 'StatusNotification'] as const;

/** TriggerMessage (§5.17): connectorId only matters for MeterValues and StatusNotification. */
export function TriggerMessageCard({ stationId, disabledReason, connectorIds }: CardContext) {
  const [message, setMessage] = useState<(typeof triggerable)[number]>('StatusNotification');
  const [connector, setConnector] = useState('');
  return (
    <ActionCard
      stationId={stationId}
      action="TriggerMessage"
      title="Trigger message"
      description="Ask the station to send a message now, e.g. its current status or meter values."
      buttonLabel="Trigger"
      confirmTitle={`Ask ${stationId} for a ${message}?`}
      confirmDescription="The station sends it right after answering."
      disabledReason={disabledReason}
      payload={() => ({ requestedMessage: message, ...(connector ? { connectorId: Number(connector) } : {}) })}
    >
      <Field id="trigger-message" label="Message">
        <NativeSelect id="trigger-message" value={message} onChange={(event) => setMessage(event.target.value as (typeof triggerable)[number])}>
          {triggerable.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field id="trigger-connector" label="Connector">
        <NativeSelect id="trigger-connector" value={connector} onChange={(event) => setConnector(event.target.value)}>
          <option value="">— (the station)</option>
          <ConnectorOptions connectorIds={connectorIds} />
        </NativeSelect>
      </Field>
    </ActionCard>
  );
}
