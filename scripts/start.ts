/**
 * `npm start`: embedded PostgreSQL (unless DATABASE_URL is set) → migrations → first admin from env
 * → `next build` when stale → OCPP server + web app as children → one "ready" line.
 * Ctrl-C / SIGTERM stops them in order: OCPP server, web app, database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { childProcessEnv, EnvError, getEnv } from '../lib/env';
import { createDb } from '../lib/db/client';
import { migrateDatabase } from '../lib/db/migrate';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../lib/runtime/embedded-postgres';
import { loadOrCreateSecrets } from '../lib/runtime/secrets';
import { ensureNextBuild } from '../lib/runtime/next-build';
import { startChild, stopChild, type ManagedChild } from '../lib/runtime/child-process';
import { waitForPort } from '../lib/runtime/wait-for-port';
import { seedAdminFromEnv } from '../lib/users/seed-admin-from-env';

const ROOT = path.resolve(import.meta.dirname, '..');
const PRELOAD = ['--import', './scripts/preload/exit-with-parent.mjs'];
const log = (name: string) => (line: string) => console.log(`[${name}] ${line}`);

let database: EmbeddedPostgres | undefined;
const children: ManagedChild[] = [];
let stopping = false;

async function shutdown(exitCode: number, reason: string): Promise<never> {
  if (!stopping) {
    stopping = true;
    log('csms')(`stopping (${reason})…`);
    for (const name of ['ocpp', 'web']) {
      const child = children.find((candidate) => candidate.name === name);
      if (child) await stopChild(child);
    }
    await database?.stop();
    log('csms')('stopped');
  }
  process.exit(exitCode);
}

async function main() {
  const env = getEnv();
  if (env.NODE_ENV === 'production' && !env.NEXTAUTH_SECRET) {
    throw new EnvError(['NEXTAUTH_SECRET: required when NODE_ENV=production (generate one with `openssl rand -base64 32`)']);
  }
  fs.mkdirSync(env.dataDir, { recursive: true });
  const secrets = loadOrCreateSecrets(env.dataDir);
  process.on('SIGINT', () => void shutdown(0, 'SIGINT'));
  process.on('SIGTERM', () => void shutdown(0, 'SIGTERM'));

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    database = await startEmbeddedPostgres({ dataDir: env.dataDir, port: env.EMBEDDED_DB_PORT, password: secrets.databasePassword, log: log('db') });
    databaseUrl = database.url;
    log('db')(`embedded PostgreSQL ready on 127.0.0.1:${env.EMBEDDED_DB_PORT} (data in ${path.join(env.dataDir, 'postgres')})`);
  }
  await migrateDatabase(databaseUrl);
  log('db')('migrations applied');
  const db = createDb(databaseUrl, { max: 1 });
  const seeded = await seedAdminFromEnv(db, env);
  await db.$client.end();
  if (seeded) log('csms')(`created the first admin ${seeded} from ADMIN_EMAIL`);

  const childEnv = childProcessEnv({
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? secrets.nextAuthSecret,
    // Without a fixed public URL, next-auth builds its redirects from the request's Host header, so the
    // dashboard works under any name it is reached by (localhost, an IP, a LAN name).
    NEXTAUTH_URL: env.NEXTAUTH_URL,
    AUTH_TRUST_HOST: env.NEXTAUTH_URL ? undefined : 'true',
    NEXT_TELEMETRY_DISABLED: '1',
  });
  if ((await ensureNextBuild(log('build'), childEnv)) === 'current') log('build')('web app build is current');
  if (stopping) return;

  const ocpp = startChild('ocpp', ['--import', 'tsx', ...PRELOAD, 'ocpp-server/main.ts'], { cwd: ROOT, env: childEnv });
  const web = startChild(
    'web',
    [...PRELOAD, 'node_modules/next/dist/bin/next', 'start', '--port', String(env.PORT), '--hostname', env.HOST],
    { cwd: ROOT, env: { ...childEnv, NODE_ENV: 'production' } },
  );
  children.push(ocpp, web);
  for (const child of children) {
    void child.exited.then(({ code, signal }) => {
      if (!stopping) void shutdown(1, `${child.name} exited unexpectedly (${signal ?? `code ${code}`})`);
    });
  }
  await Promise.all([waitForPort(env.OCPP_PORT), waitForPort(env.PORT)]);
  const host = env.HOST === '0.0.0.0' ? 'localhost' : env.HOST;
  log('csms')(
    `ready: dashboard http://${host}:${env.PORT}  ·  OCPP ws://${host}:${env.OCPP_PORT}/ocpp/{stationId}  ·  API docs http://${host}:${env.PORT}/api-docs`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : `[csms] failed to start: ${(error as Error).stack ?? error}`);
  void shutdown(1, 'start failed');
});
