import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { migrateDatabase } from '../../lib/db/migrate';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../lib/runtime/embedded-postgres';
import { freePort } from '../../tests/support/free-port';

/** A throwaway PostgreSQL (the same embedded binaries `npm start` uses) with the schema migrated. */
export async function startBenchDatabase(options: { settings?: string[] } = {}): Promise<{ url: string; pg: EmbeddedPostgres; stop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csms-bench-'));
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), password: 'bench', settings: options.settings });
  const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
  await admin.unsafe('create database bench');
  await admin.end();
  const url = pg.url.replace(/\/postgres$/, '/bench');
  await migrateDatabase(url);
  return {
    url,
    pg,
    async stop() {
      await pg.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
