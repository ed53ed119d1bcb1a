/** PostgreSQL rejects NOTIFY payloads of 8000 bytes or more; stay clear of it. */
export const MAX_PAYLOAD_BYTES = 7900;

/**
 * Packs JSON items into as few `[item, item, ...]` payloads as fit under the byte limit
 * (one NOTIFY each). An item that alone exceeds the limit is dropped: events are ids, never bodies.
 */
export function packPayloads(items: readonly unknown[], maxBytes = MAX_PAYLOAD_BYTES): string[] {
  const payloads: string[] = [];
  let parts: string[] = [];
  let size = 2;
  for (const item of items) {
    const json = JSON.stringify(item);
    const bytes = Buffer.byteLength(json);
    if (bytes + 2 > maxBytes) continue;
    if (parts.length > 0 && size + bytes + 1 > maxBytes) {
      payloads.push(`[${parts.join(',')}]`);
      parts = [];
      size = 2;
    }
    parts.push(json);
    size += bytes + (parts.length > 1 ? 1 : 0);
  }
  if (parts.length > 0) payloads.push(`[${parts.join(',')}]`);
  return payloads;
}
