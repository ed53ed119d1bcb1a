import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface AppProcess {
  process: ChildProcess;
  baseUrl: string;
  ocppUrl: string;
  dataDir: string;
  ports: { web: number; ocpp: number; db: number };
  env: NodeJS.ProcessEnv;
  output(): string;
  /** Resolves with the exit code; rejects if the launcher does not exit within timeoutMs. */
  exited(timeoutMs?: number): Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs `npm start`'s launcher exactly as npm would (same command line), on free ports and a temp DATA_DIR. */
export async function startApp(options: { env?: Record<string, string>; dataDir?: string; waitForReady?: boolean } = {}): Promise<AppProcess> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'csms-app-'));
  const ports = { web: await freePort(), ocpp: await freePort(), db: await freePort() };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    PORT: String(ports.web),
    OCPP_PORT: String(ports.ocpp),
    EMBEDDED_DB_PORT: String(ports.db),
    HOST: '127.0.0.1',
    ...options.env,
  };
  delete env.DATABASE_URL;
  if (options.env?.DATABASE_URL) env.DATABASE_URL = options.env.DATABASE_URL;
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const child = spawn('sh', ['-c', `exec ${pkg.scripts.start}`], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const app: AppProcess = {
    process: child,
    baseUrl: `http://127.0.0.1:${ports.web}`,
    ocppUrl: `ws://127.0.0.1:${ports.ocpp}/ocpp`,
    dataDir,
    ports,
    env,
    output: () => output,
    exited: (timeoutMs = 60_000) =>
      Promise.race([
        exit,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`launcher still running after ${timeoutMs} ms\n${output}`)), timeoutMs).unref()),
      ]),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return app.exited();
    },
  };
  if (options.waitForReady !== false) await waitForOutput(app, /ready: dashboard/, 180_000);
  return app;
}

export async function waitForOutput(app: AppProcess, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(app.output())) {
    if (app.process.exitCode !== null) throw new Error(`launcher exited (${app.process.exitCode}) before ${pattern}:\n${app.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${app.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs `npm run cli -- ...args` the way a person would and returns its stdout, stderr and exit code. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
