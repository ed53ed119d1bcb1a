'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FieldError } from '@/components/ui/field-error';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import type { CommandAction } from '@/lib/commands/command-catalog';
import type { PayloadTemplate } from '@/lib/commands/payload-template';
import { CommandOutcome } from './command-outcome';
import { Field } from './field';
import { useCommand } from './use-command';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * Any CSMS-initiated action with a hand-written payload, prefilled from its official schema. The
 * JSON is parsed here and checked against the 1.6 schema on the server before anything is queued.
 */
export function SendAnyCommand(props: { stationId: string; actions: CommandAction[]; templates: Record<CommandAction, PayloadTemplate>; blocker: string | null }) {
  const { send, pending, result } = useCommand(props.stationId);
  const [action, setAction] = useState<CommandAction>('TriggerMessage');
  const [text, setText] = useState(pretty(props.templates.TriggerMessage.example));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const template = props.templates[action];

  function parsed(): Record<string, unknown> | null {
    try {
      const value = JSON.parse(text) as unknown;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('The payload must be a JSON object');
      return value as Record<string, unknown>;
    } catch (error) {
      setJsonError(error instanceof SyntaxError ? `Not valid JSON: ${error.message}` : (error as Error).message);
      return null;
    }
  }
  const fieldError = result && !result.command && result.field ? result.error : null;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h3">Send an OCPP command</CardTitle>
        <CardDescription>Any Central System message of OCPP 1.6 (§5). The payload is checked against the official schema before it is sent.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <Field id="any-action" label="Action">
          <NativeSelect
            id="any-action"
            value={action}
            onChange={(event) => {
              const next = event.target.value as CommandAction;
              setAction(next);
              setText(pretty(props.templates[next].example));
              setJsonError(null);
            }}
          >
            {props.actions.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field id="any-payload" label="Payload (JSON)">
          <Textarea
            id="any-payload"
            rows={10}
            className="font-mono text-xs"
            value={text}
            aria-invalid={jsonError || fieldError ? true : undefined}
            aria-describedby="any-payload-error"
            onChange={(event) => (setText(event.target.value), setJsonError(null))}
          />
          <FieldError id="any-payload-error" errors={jsonError ?? fieldError} />
        </Field>
        {template.optional.length > 0 ? <p className="text-xs text-muted-foreground">Optional fields: {template.optional.join('; ')}</p> : null}
        <div className="flex flex-wrap items-center gap-3">
          <ConfirmDialog
            trigger={<Button disabled={props.blocker !== null || pending}>{pending ? 'Waiting for the station…' : `Send ${action}`}</Button>}
            title={`Send ${action} to ${props.stationId}?`}
            description="The station acts on it as on any command from the CSMS."
            confirmLabel="Send"
            onConfirm={() => {
              const payload = parsed();
              if (payload) void send(action, payload);
            }}
          />
          {props.blocker ? <span className="text-sm text-muted-foreground">{props.blocker}</span> : null}
          {fieldError ? null : <CommandOutcome result={result} />}
        </div>
        {result?.command ? <pre className="max-h-64 overflow-auto rounded bg-muted p-2 text-xs">{pretty(result.command.response ?? result.command.error)}</pre> : null}
      </CardContent>
    </Card>
  );
}
