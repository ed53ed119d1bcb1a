'use client';

import type { CommandAction } from '@/lib/commands/command-catalog';
import type { PayloadTemplate } from '@/lib/commands/payload-template';
import { MessageLogView } from './message-log-view';
import { SendAnyCommand } from './send-any-command';
import { commandBlocker, useStation } from './use-station';

/** Live OCPP message inspector: the frames of one station, and a form to send it any command. */
export function MessageInspector(props: { stationId: string; canSend: boolean; actions: CommandAction[]; templates: Record<CommandAction, PayloadTemplate> }) {
  const { data } = useStation(props.stationId);
  return (
    <div className="grid gap-6">
      <SendAnyCommand stationId={props.stationId} actions={props.actions} templates={props.templates} blocker={commandBlocker(data?.station, props.canSend)} />
      <MessageLogView stationId={props.stationId} />
    </div>
  );
}
