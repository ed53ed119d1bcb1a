import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { getIdTagByValue, upsertIdTag } from '@/lib/db/queries/id-tags';
import { listTariffRows } from '@/lib/db/queries/tariffs';
import { DEMO_TARIFF_NAME } from '@/lib/demo/seed-demo-tariff';

const run = promisify(execFile);
const cli = (databaseUrl: string, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } });

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

it('`demo seed` registers the simulator cards that are missing and leaves existing ones as they are', async () => {
  await upsertIdTag(t.db, { idTag: 'SIM-TAG-2', status: 'Blocked' });
  const { stderr } = await cli(t.url, 'demo', 'seed', '--tags', '3');
  expect(stderr).toContain('registered 2 simulator id tags (1 already existed)');
  expect((await getIdTagByValue(t.db, 'SIM-TAG-1'))?.status).toBe('Accepted');
  expect((await getIdTagByValue(t.db, 'SIM-TAG-2'))?.status).toBe('Blocked');
  expect((await getIdTagByValue(t.db, 'SIM-TAG-3'))?.status).toBe('Accepted');
  expect(await getIdTagByValue(t.db, 'SIM-TAG-4')).toBeUndefined();
});

it('creates a default demo tariff on a system without tariffs, and only then', async () => {
  // The first test's seed ran on a system without tariffs.
  expect((await listTariffRows(t.db)).map((row) => [row.name, row.isDefault])).toEqual([[DEMO_TARIFF_NAME, true]]);
  const { stderr } = await cli(t.url, 'demo', 'seed', '--tags', '3');
  expect(stderr).toContain('tariffs exist: left as they are');
  expect(await listTariffRows(t.db)).toHaveLength(1);
});

it('refuses a bad --tags with the option named', async () => {
  await expect(cli(t.url, 'demo', 'seed', '--tags', 'many')).rejects.toMatchObject({ stderr: expect.stringContaining('--tags: must be a whole number') });
});
