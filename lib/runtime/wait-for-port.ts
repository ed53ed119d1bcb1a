import net from 'node:net';

/** Resolves once something accepts TCP connections on host:port; rejects after timeoutMs or when `abort` fires. */
export async function waitForPort(port: number, options: { host?: string; timeoutMs?: number; signal?: AbortSignal } = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (true) {
    if (options.signal?.aborted) throw new Error('aborted');
    if (await canConnect(options.host ?? '127.0.0.1', port)) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port} after ${options.timeoutMs ?? 60_000} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
