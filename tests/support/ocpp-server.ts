import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { childProcessEnv } from '../../lib/env';
import { freePort } from './free-port';

const root = path.resolve(import.meta.dirname, '../..');

export interface OcppServerProcess {
  port: number;
  /** ws://127.0.0.1:PORT/ocpp */
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then wait for the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no shutdown code runs (a crash). */
  kill(): Promise<void>;
}

/**
 * The real OCPP server as a child process (the way the launcher runs it) on a free port, against a
 * test database. Resolves once it logs that it is listening.
 */
export async function startOcppServer(input: { databaseUrl: string; env?: Record<string, string>; port?: number }): Promise<OcppServerProcess> {
  const port = input.port ?? (await freePort());
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './scripts/preload/exit-with-parent.mjs', 'ocpp-server/main.ts'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childProcessEnv({
        DATABASE_URL: input.databaseUrl,
        HOST: '127.0.0.1',
        OCPP_PORT: String(port),
        OCPP_NODE_ID: 'test-node',
        NODE_ENV: 'test',
        ...input.env,
      }),
    },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`OCPP server did not start in time:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('OCPP server listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`OCPP server exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    port,
    url: `ws://127.0.0.1:${port}/ocpp`,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
