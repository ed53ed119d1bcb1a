/** What the inspector filters on, read from an OCPP-J frame (OCPP-J 1.6 §4: [type, id, ...]). */
export interface FrameSummary {
  messageType: number | null;
  messageId: string | null;
  /** The action of a CALL (2); responses get theirs from the call they answer. */
  action: string | null;
  /** The error code of a CALLERROR (4). */
  errorCode: string | null;
}

export function summarizeFrame(frame: string): FrameSummary {
  let message: unknown;
  try {
    message = JSON.parse(frame);
  } catch {
    return { messageType: null, messageId: null, action: null, errorCode: null };
  }
  if (!Array.isArray(message)) return { messageType: null, messageId: null, action: null, errorCode: null };
  const [type, id, third] = message as unknown[];
  const messageType = typeof type === 'number' && Number.isInteger(type) && type >= 0 && type < 32768 ? type : null;
  return {
    messageType,
    messageId: typeof id === 'string' ? id.slice(0, 100) : null,
    action: messageType === 2 && typeof third === 'string' ? third.slice(0, 100) : null,
    errorCode: messageType === 4 && typeof third === 'string' ? third.slice(0, 100) : null,
  };
}
