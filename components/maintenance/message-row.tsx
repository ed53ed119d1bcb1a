import { Badge } from '@/components/ui/badge';
import { Td, Tr } from '@/components/ui/table';

export interface MessageJson {
  id: number;
  at: string;
  direction: string;
  messageType: number | null;
  messageId: string | null;
  action: string | null;
  frame: string;
  latencyMs: number | null;
  errorCode: string | null;
}

const types: Record<number, string> = { 2: 'CALL', 3: 'CALLRESULT', 4: 'CALLERROR' };

function pretty(frame: string): string {
  try {
    return JSON.stringify(JSON.parse(frame), null, 2);
  } catch {
    return frame;
  }
}

/** One OCPP-J frame (OCPP-J 1.6 §4.1: [type, id, action|payload, ...]); its JSON unfolds on demand. */
export function MessageRow({ message }: { message: MessageJson }) {
  const type = message.messageType === null ? 'invalid' : (types[message.messageType] ?? String(message.messageType));
  const bad = message.messageType === 4 || message.messageType === null;
  return (
    <Tr data-message={message.id} data-direction={message.direction}>
      <Td className="font-mono text-xs whitespace-nowrap">{message.at.slice(11, 23)}</Td>
      <Td className="whitespace-nowrap text-xs">{message.direction === 'out' ? 'CSMS → station' : 'station → CSMS'}</Td>
      <Td>
        <Badge variant={bad ? 'danger' : type === 'CALL' ? 'outline' : 'muted'}>{type}</Badge>
      </Td>
      <Td className="font-medium">{message.action ?? '—'}</Td>
      <Td className="whitespace-nowrap text-xs">{message.latencyMs === null ? '' : `${message.latencyMs} ms`}</Td>
      <Td className="max-w-xl">
        {message.errorCode ? <span className="mr-2 text-xs text-danger">{message.errorCode}</span> : null}
        <details>
          <summary className="cursor-pointer font-mono text-xs break-all text-muted-foreground">{message.frame.slice(0, 120)}</summary>
          <pre className="mt-2 max-h-96 overflow-auto rounded bg-muted p-2 text-xs">{pretty(message.frame)}</pre>
        </details>
      </Td>
    </Tr>
  );
}
