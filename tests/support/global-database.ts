import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../lib/runtime/embedded-postgres';
import { migrateDatabase } from '../../lib/db/migrate';
import { freePort } from './free-port';

export const TEMPLATE_DATABASE = 'csms_template';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

/**
 * One real PostgreSQL for the whole run, in a temp dir. Migrations are applied once to a template
 * database; every test file clones it (tests/support/test-database.ts), so files never share rows.
 */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csms-test-db-'));
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), password: 'test-password' });
  const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();
  await migrateDatabase(withDatabase(pg.url, TEMPLATE_DATABASE));
  project.provide('adminDatabaseUrl', pg.url);
  return async () => {
    await pg.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
