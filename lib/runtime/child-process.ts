import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';

export interface ManagedChild {
  name: string;
  process: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Every line a child prints, prefixed with its name, so one terminal shows all processes. */
export function prefixLines(stream: NodeJS.ReadableStream, prefix: string, write: (line: string) => void): void {
  readline.createInterface({ input: stream }).on('line', (line) => write(`[${prefix}] ${line}`));
}

/**
 * Starts a child in its own process group: a terminal Ctrl-C reaches only the launcher, which
 * then stops the children in order. Children preload exit-with-parent.mjs in case we are SIGKILLed.
 */
export function startChild(name: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): ManagedChild {
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  prefixLines(child.stdout!, name, (line) => process.stdout.write(`${line}\n`));
  prefixLines(child.stderr!, name, (line) => process.stderr.write(`${line}\n`));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { name, process: child, exited };
}

/** SIGTERM, then SIGKILL to the whole group if it has not exited within graceMs. */
export async function stopChild(child: ManagedChild, graceMs = 10_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => {
    try {
      process.kill(-child.process.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, graceMs);
  await child.exited;
  clearTimeout(timer);
}
