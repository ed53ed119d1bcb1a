'use client';

import { useState } from 'react';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { ActionCard } from './action-card';
import { ConnectorOptions, Field } from './field';
import type { CardContext } from './station-command-cards';

/** RemoteStartTransaction (§5.11). A charging profile can be added in the message inspector's form. */
export function RemoteStartCard({ stationId, disabledReason, connectorIds }: CardContext) {
  const [idTag, setIdTag] = useState('');
  const [connector, setConnector] = useState('');
  const reason = disabledReason ?? (idTag.trim() ? null : 'Enter the idTag to charge for');
  return (
    <ActionCard
      stationId={stationId}
      action="RemoteStartTransaction"
      title="Remote start"
      description="Start charging for a driver's idTag, e.g. when their card does not work."
      buttonLabel="Start charging"
      confirmTitle={`Start charging on ${stationId} for ${idTag.trim()}?`}
      confirmDescription="The station starts a transaction as if the card had been tapped."
      disabledReason={reason}
      payload={() => ({ idTag: idTag.trim(), ...(connector ? { connectorId: Number(connector) } : {}) })}
    >
      <Field id="remote-start-idtag" label="idTag">
        <Input id="remote-start-idtag" value={idTag} maxLength={20} onChange={(event) => setIdTag(event.target.value)} />
      </Field>
      <Field id="remote-start-connector" label="Connector">
        <NativeSelect id="remote-start-connector" value={connector} onChange={(event) => setConnector(event.target.value)}>
          <option value="">Any free connector</option>
          <ConnectorOptions connectorIds={connectorIds} />
        </NativeSelect>
      </Field>
    </ActionCard>
  );
}

/** RemoteStopTransaction (§5.12), for a transaction running on this station. */
export function RemoteStopCard({ stationId, disabledReason, sessions }: CardContext & { sessions: { transactionId: number; connectorId: number; idTag: string }[] }) {
  const [chosen, setChosen] = useState<number | null>(null);
  const transactionId = chosen ?? sessions[0]?.transactionId ?? null;
  const reason = disabledReason ?? (transactionId === null ? 'No transaction is running' : null);
  return (
    <ActionCard
      stationId={stationId}
      action="RemoteStopTransaction"
      title="Remote stop"
      description="Stop a running transaction; the station ends it and unlocks the cable."
      buttonLabel="Stop charging"
      confirmTitle={`Stop transaction ${transactionId} on ${stationId}?`}
      confirmDescription="The driver's session ends now."
      destructive
      disabledReason={reason}
      payload={() => ({ transactionId })}
    >
      {sessions.length > 0 ? (
        <Field id="remote-stop-transaction" label="Transaction">
          <NativeSelect id="remote-stop-transaction" value={transactionId ?? ''} onChange={(event) => setChosen(Number(event.target.value))}>
            {sessions.map((session) => (
              <option key={session.transactionId} value={session.transactionId}>
                {session.transactionId} — connector {session.connectorId}, {session.idTag}
              </option>
            ))}
          </NativeSelect>
        </Field>
      ) : null}
    </ActionCard>
  );
}
