import type { MessageLogWriter } from '@/lib/message-log/message-log-writer';
import { summarizeFrame } from '@/lib/message-log/summarize-frame';

/**
 * Logs every frame of one connection. A response gets the action of the call it answers and the
 * time since that call (CALL → CALLRESULT/CALLERROR latency), in either direction.
 */
export function createFrameLogger(stationId: string, writer: MessageLogWriter) {
  const openCalls = new Map<string, { action: string | null; at: number }>();
  return (frame: string, outbound: boolean) => {
    const now = Date.now();
    const summary = summarizeFrame(frame);
    const key = (mine: boolean) => `${mine ? 'o' : 'i'}${summary.messageId}`;
    let action = summary.action;
    let latencyMs: number | null = null;
    if (summary.messageType === 2 && summary.messageId !== null) {
      openCalls.set(key(outbound), { action, at: now });
    } else if ((summary.messageType === 3 || summary.messageType === 4) && summary.messageId !== null) {
      // A response answers a call that went the other way.
      const call = openCalls.get(key(!outbound));
      if (call) {
        openCalls.delete(key(!outbound));
        action = call.action;
        latencyMs = now - call.at;
      }
    }
    writer.record({
      at: new Date(now),
      stationId,
      direction: outbound ? 'out' : 'in',
      messageType: summary.messageType,
      messageId: summary.messageId,
      action,
      frame,
      latencyMs,
      errorCode: summary.errorCode,
    });
  };
}
