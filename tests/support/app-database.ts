import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import type { AppProcess } from './app-process';

/** A direct connection to the database of an app started by startApp() (embedded, under its DATA_DIR). */
export function connectAppDatabase(app: AppProcess): postgres.Sql {
  const { databasePassword } = JSON.parse(fs.readFileSync(path.join(app.dataDir, 'secrets.json'), 'utf8')) as { databasePassword: string };
  return postgres(`postgres://csms:${encodeURIComponent(databasePassword)}@127.0.0.1:${app.ports.db}/postgres`, { max: 1, onnotice: () => {} });
}
