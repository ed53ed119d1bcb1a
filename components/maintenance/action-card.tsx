'use client';

import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { CommandAction } from '@/lib/commands/command-catalog';
import { CommandOutcome } from './command-outcome';
import { useCommand } from './use-command';

export interface ActionCardProps {
  stationId: string;
  title: string;
  description: ReactNode;
  action: CommandAction;
  /** The request payload from the card's fields, at the moment of confirming. */
  payload(): Record<string, unknown>;
  buttonLabel: string;
  confirmTitle: string;
  confirmDescription: ReactNode;
  destructive?: boolean;
  /** Why the button is disabled (station offline, viewer); null when it may be used. */
  disabledReason: string | null;
  children?: ReactNode;
}

/** One maintenance action: its fields, a confirmation, then the station's answer under it. */
export function ActionCard(props: ActionCardProps) {
  const { send, pending, result } = useCommand(props.stationId);
  const disabled = props.disabledReason !== null || pending;
  const trigger = (
    <Button variant={props.destructive ? 'destructive' : 'default'} disabled={disabled} aria-disabled={disabled}>
      {pending ? 'Waiting for the station…' : props.buttonLabel}
    </Button>
  );
  return (
    <Card data-action={props.action}>
      <CardHeader>
        <CardTitle as="h3">{props.title}</CardTitle>
        <CardDescription>{props.description}</CardDescription>
      </CardHeader>
      {props.children ? <CardContent className="grid gap-3 sm:grid-cols-2">{props.children}</CardContent> : null}
      <CardFooter className="flex-wrap">
        <ConfirmDialog
          trigger={trigger}
          title={props.confirmTitle}
          description={props.confirmDescription}
          confirmLabel={props.buttonLabel}
          variant={props.destructive ? 'destructive' : 'default'}
          onConfirm={() => void send(props.action, props.payload())}
        />
        {props.disabledReason ? <span className="text-sm text-muted-foreground">{props.disabledReason}</span> : null}
        <CommandOutcome result={result} />
      </CardFooter>
    </Card>
  );
}
