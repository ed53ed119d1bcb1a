import crypto from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { createDb, type DbClient } from '../../lib/db/client';
import { TEMPLATE_DATABASE, withDatabase } from './global-database';

export interface TestDatabase {
  db: DbClient;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database cloned from the run's template: real PostgreSQL, nothing shared. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`create database ${name} template ${TEMPLATE_DATABASE}`);
      break;
    } catch (error) {
      // 55006: the template is briefly "being accessed" by a concurrent clone; try again.
      if ((error as { code?: string }).code !== '55006' || attempt > 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
  const url = withDatabase(adminUrl, name);
  const db = createDb(url, { max: 5 });
  return {
    db,
    url,
    async drop() {
      await db.$client.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
