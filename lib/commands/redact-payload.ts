/** The one-time token in a CSMS-hosted upload URL (GetDiagnostics `location`, §5.9) or firmware download URL (UpdateFirmware, §5.19). */
const uploadToken = /(\/api\/v1\/(?:diagnostics\/upload|firmware\/download)\/)[A-Za-z0-9_-]+/g;

/**
 * Hides upload tokens from what people read (history, audit log, message inspector): the token
 * is a credential for one upload, and only the station needs it. The stored row keeps it.
 */
export function redactText(text: string): string {
  return text.replace(uploadToken, '$1…');
}

export function redactPayload<T>(payload: T): T {
  if (payload === null || typeof payload !== 'object') return payload;
  const json = JSON.stringify(payload);
  const redacted = redactText(json);
  return redacted === json ? payload : (JSON.parse(redacted) as T);
}
