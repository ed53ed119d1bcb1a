import type { MessageLogRow } from '@/lib/db/schema';
import type { MessageLogWriter } from '@/lib/message-log/message-log-writer';
import { summarizeFrame } from '@/lib/message-log/summarize-frame';

/**
 * Logs every frame of one connection. A response gets the action of the call it answers and the
 * time since that call (CALL → CALLRESULT/CALLERROR latency), in either direction.
 */
export function createFrameLogger(stationId: string, writer: MessageLogWriter) {
  /** 'i' + id for calls from the station, 'o' + id for ours. */
  const openCalls = new Map<string, { action: string | null; at: number }>();
  let lastInbound: MessageLogRow | undefined;

  function log(frame: string, outbound: boolean) {
    const now = Date.now();
    const summary = summarizeFrame(frame);
    let action = summary.action;
    let latencyMs: number | null = null;
    if (summary.messageType === 2 && summary.messageId !== null) {
      openCalls.set((outbound ? 'o' : 'i') + summary.messageId, { action, at: now });
    } else if ((summary.messageType === 3 || summary.messageType === 4) && summary.messageId !== null) {
      // A response answers a call that went the other way.
      const key = (outbound ? 'i' : 'o') + summary.messageId;
      const call = openCalls.get(key);
      if (call) {
        openCalls.delete(key);
        action = call.action;
        latencyMs = now - call.at;
      }
    }
    const row: MessageLogRow = {
      at: new Date(now),
      stationId,
      direction: outbound ? 'out' : 'in',
      messageType: summary.messageType,
      messageId: summary.messageId,
      action,
      frame,
      latencyMs,
      errorCode: summary.errorCode,
    };
    if (!outbound) lastInbound = row;
    writer.record(row);
  }

  /**
   * ocpp-rpc rejected the last inbound frame (it says so right after the frame, before the row is
   * written). If it is not even a JSON array, its head only looked like OCPP-J: no type, id or action.
   */
  function markLastInboundBad() {
    const row = lastInbound;
    if (!row || isJsonArray(row.frame)) return;
    openCalls.delete(`i${row.messageId}`);
    row.messageType = null;
    row.messageId = null;
    row.action = null;
  }

  return { log, markLastInboundBad };
}

function isJsonArray(frame: string): boolean {
  try {
    return Array.isArray(JSON.parse(frame));
  } catch {
    return false;
  }
}
