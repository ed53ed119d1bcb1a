import { Badge, type BadgeVariant } from '@/components/ui/badge';
import type { CommandView } from '@/lib/commands/command-result';
import type { CommandActionResult } from '@/app/(dashboard)/stations/[stationId]/command-actions';

/** What the operator reads: the station's own status word when it answered, else what went wrong. */
export function outcomeLabel(command: CommandView): { text: string; variant: BadgeVariant } {
  const status = (command.response as { status?: unknown } | null)?.status;
  switch (command.state) {
    case 'completed':
      return { text: typeof status === 'string' ? status : 'Done', variant: 'success' };
    case 'rejected':
      return { text: typeof status === 'string' ? status : 'Rejected', variant: 'warning' };
    case 'timed_out':
      return { text: 'No answer (timeout)', variant: 'danger' };
    case 'offline':
      return { text: 'Station offline', variant: 'muted' };
    case 'failed':
      return { text: command.error?.code === 'ConnectionClosed' || command.error?.code === 'NodeStopped' ? 'Connection lost' : `CALLERROR ${command.error?.code ?? ''}`.trim(), variant: 'danger' };
    default:
      return { text: command.state === 'sending' ? 'Sending…' : 'Queued', variant: 'outline' };
  }
}

/** Why a status needs a word of explanation (OCPP 1.6 §5.2, §5.3). */
const hints: Record<string, string> = {
  Scheduled: 'A transaction is running: the change applies when it ends.',
  RebootRequired: 'The station applies the new value after a reset.',
};

export function CommandOutcome({ result }: { result: CommandActionResult | null }) {
  if (!result) return null;
  if (!result.command) {
    return (
      <p role="alert" className="text-sm text-danger">
        {result.error}
      </p>
    );
  }
  const { command } = result;
  const { text, variant } = outcomeLabel(command);
  const hint = hints[text] ?? (command.error?.description || null);
  return (
    <div role="status" className="flex flex-wrap items-center gap-2 text-sm" data-command-state={command.state}>
      <span className="text-muted-foreground">Result:</span>
      <Badge variant={variant}>{text}</Badge>
      {hint ? <span className="text-muted-foreground">{hint}</span> : null}
    </div>
  );
}
