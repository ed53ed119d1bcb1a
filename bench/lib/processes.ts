import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Spawns `node --import tsx <script>` (with the launcher's preload, so it exits if the bench dies)
 * and resolves when a line matching `ready` appears.
 */
export async function spawnNode(script: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, nodeArgs: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', '--import', './scripts/preload/exit-with-parent.mjs', script, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${output}`)), 60_000);
    let started = false;
    const onData = (chunk: Buffer) => {
      if (started) return; // after start the output is drained, not kept (a long run must not grow a string)
      output += chunk.toString();
      if (ready.test(output)) {
        started = true;
        output = '';
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      onData(chunk);
      process.stderr.write(`[${path.basename(script)}] ${chunk.toString()}`);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  });
  return child;
}

/** SIGTERM, then SIGKILL after 10 s; resolves with the exit code (null if it had to be killed). */
export async function stopProcess(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
  return child.exitCode;
}

/** Resident set size of a process, bytes (Linux /proc). */
export function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : NaN;
}

/** The soft limit on open files of this process (each WebSocket holds one). */
export function openFileLimit(): number {
  const match = /Max open files\s+(\d+)/.exec(fs.readFileSync('/proc/self/limits', 'utf8'));
  return match ? Number(match[1]) : NaN;
}
