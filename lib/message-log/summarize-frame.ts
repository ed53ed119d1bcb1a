/** What the inspector filters on, read from an OCPP-J frame (OCPP-J 1.6 §4: [type, id, ...]). */
export interface FrameSummary {
  messageType: number | null;
  messageId: string | null;
  /** The action of a CALL (2); responses get theirs from the call they answer. */
  action: string | null;
  /** The error code of a CALLERROR (4). */
  errorCode: string | null;
}

const NONE: FrameSummary = { messageType: null, messageId: null, action: null, errorCode: null };

/**
 * `[type, "id"` and, for a CALL or CALLERROR, the string after it. Read with a regular expression
 * rather than JSON.parse: every frame passes here, and ocpp-rpc parses the frame anyway. A frame
 * that only looks right at its head is caught by the caller (ocpp-rpc reports it as a bad message).
 */
const HEAD = /^\s*\[\s*([0-9]{1,5})\s*,\s*"((?:[^"\\]|\\.){0,100})"\s*(?:,\s*"((?:[^"\\]|\\.){0,100})")?/;

export function summarizeFrame(frame: string): FrameSummary {
  const match = HEAD.exec(frame);
  if (!match) return NONE;
  const messageType = Number(match[1]);
  const third = match[3] ?? null;
  return {
    messageType,
    messageId: match[2]!,
    action: messageType === 2 ? third : null,
    errorCode: messageType === 4 ? third : null,
  };
}
