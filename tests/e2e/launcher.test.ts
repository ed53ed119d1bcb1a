import { execFileSync } from 'node:child_process';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, waitForOutput, type AppProcess } from '../support/app-process';

let app: AppProcess | undefined;
afterEach(async () => {
  if (app && app.process.exitCode === null) await app.stop();
  app = undefined;
});

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still not true after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Processes whose command line mentions the temp data dir (the embedded postgres: `-D <dataDir>/postgres`). */
const processesOf = (dataDir: string) =>
  execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(dataDir) && !line.includes('ps -eo'));

const childrenOf = (pid: number) =>
  execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ pid: Number(line.trim().split(/\s+/)[0]), args: line }));

async function allStopped(started: AppProcess) {
  for (const port of Object.values(started.ports)) expect(await portOpen(port), `port ${port}`).toBe(false);
  expect(processesOf(started.dataDir)).toEqual([]);
}

describe('npm start launcher', () => {
  it('refuses a bad environment value with a message naming the variable', async () => {
    app = await startApp({ env: { OCPP_PORT: 'nine thousand' }, waitForReady: false });
    expect(await app.exited()).toBe(1);
    expect(app.output()).toContain('OCPP_PORT');
  });

  it('stops every child and the database on SIGINT (Ctrl-C) and SIGTERM, leaving no port behind', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      app = await startApp();
      expect(app.output()).toMatch(/ready: dashboard http:\/\/127\.0\.0\.1:\d+ {2}· {2}OCPP ws:\/\/127\.0\.0\.1:\d+\/ocpp\/\{stationId\} {2}· {2}API docs/);
      expect(await app.stop(signal)).toBe(0);
      expect(app.output().indexOf('[ocpp]')).toBeGreaterThan(-1);
      await allStopped(app);
    }
  });

  it('recovers after the launcher was killed with SIGKILL', async () => {
    app = await startApp();
    const first = app;
    first.process.kill('SIGKILL');
    await first.exited();
    // The web and OCPP servers notice they lost their parent and stop; PostgreSQL is left behind.
    await eventually(async () => !(await portOpen(first.ports.web)) && !(await portOpen(first.ports.ocpp)), 'web and OCPP ports closed');
    expect(processesOf(first.dataDir).length).toBeGreaterThan(0);

    app = await startApp({ dataDir: first.dataDir });
    expect(app.output()).toContain('left running by an earlier run');
    expect((await fetch(`${app.baseUrl}/api/health`)).status).toBe(200);
    expect(await app.stop()).toBe(0);
    await allStopped(app);
    await allStopped(first);
  });

  it('stops the rest and exits non-zero with the reason when a child dies', async () => {
    app = await startApp();
    const ocpp = childrenOf(app.process.pid!).find((child) => child.args.includes('ocpp-server/main.ts'));
    expect(ocpp, JSON.stringify(childrenOf(app.process.pid!))).toBeDefined();
    process.kill(ocpp!.pid, 'SIGKILL');
    expect(await app.exited()).toBe(1);
    await waitForOutput(app, /ocpp exited unexpectedly \(SIGKILL\)/);
    await allStopped(app);
  });
});
