/**
 * A real SSE client on /api/v1/events: reads the text/event-stream and calls `onEvent` with each
 * event's name and parsed data the moment its frame is complete.
 */
export async function openSseClient(url: string, token: string, onEvent: (name: string, data: Record<string, unknown>) => void): Promise<{ close(): void }> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: abort.signal });
  if (!response.ok || !response.body) throw new Error(`SSE ${url}: HTTP ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (name && data) onEvent(name, JSON.parse(data) as Record<string, unknown>);
      }
    }
  })().catch(() => {});
  return { close: () => abort.abort() };
}
