import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import type { AppProcess } from './app-process';

/** The URL of the database of an app started by startApp() (embedded, under its DATA_DIR). */
export function appDatabaseUrl(app: AppProcess): string {
  const { databasePassword } = JSON.parse(fs.readFileSync(path.join(app.dataDir, 'secrets.json'), 'utf8')) as { databasePassword: string };
  return `postgres://csms:${encodeURIComponent(databasePassword)}@127.0.0.1:${app.ports.db}/postgres`;
}

/** A direct connection to the database of an app started by startApp(). */
export function connectAppDatabase(app: AppProcess): postgres.Sql {
  return postgres(appDatabaseUrl(app), { max: 1, onnotice: () => {} });
}
