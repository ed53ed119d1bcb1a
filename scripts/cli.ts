/**
 * `npm run cli -- <command>`: admin tasks from a shell, with or without `npm start` running.
 *   token create --name NAME --role admin|operator|viewer [--expires 2027-01-01]
 *   token list
 *   token revoke --id ID
 *   demo seed [--tags N]     registers the simulator's cards SIM-TAG-1…N (default 20) as id tags,
 *                            and a default demo tariff when there is no tariff at all
 *   analytics rebuild        recomputes every analytics rollup from the raw rows (e.g. after rows
 *                            older than the incremental refresh reaches, see refresh-changed-rollups)
 * Informational lines go to stderr; the new token is printed alone on the last line of stdout.
 */
import { parseArgs } from 'node:util';
import { EnvError, getEnv } from '../lib/env';
import { createDb } from '../lib/db/client';
import { migrateDatabase } from '../lib/db/migrate';
import { listApiTokens } from '../lib/db/queries/api-tokens';
import { embeddedDatabaseUrl, findRunningEmbeddedPostgres, startEmbeddedPostgres } from '../lib/runtime/embedded-postgres';
import { loadOrCreateSecrets } from '../lib/runtime/secrets';
import { createApiToken } from '../lib/api-tokens/create-api-token';
import { revokeApiToken } from '../lib/api-tokens/revoke-api-token';
import { createApiTokenSchema } from '../lib/api-tokens/schemas';
import type { Actor } from '../lib/auth/roles';
import { insertMissingIdTags } from '../lib/db/queries/demo';
import { DEMO_TARIFF_NAME, seedDemoTariff } from '../lib/demo/seed-demo-tariff';
import { rebuildRollups } from '../lib/analytics/refresh-rollups';
import { simulatorIdTags } from './simulator/options';

const cliActor: Actor = { type: 'system', id: null, label: 'cli', role: 'admin' };
const info = (line: string) => process.stderr.write(`${line}\n`);

/** DATABASE_URL, else the embedded database under DATA_DIR: the running one, or started just for this command. */
async function openDatabase(): Promise<{ url: string; close: () => Promise<void> }> {
  const env = getEnv();
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, close: async () => {} };
  const secrets = loadOrCreateSecrets(env.dataDir);
  const running = findRunningEmbeddedPostgres(env.dataDir);
  if (running) return { url: embeddedDatabaseUrl(running.port, secrets.databasePassword), close: async () => {} };
  info(`starting the embedded database in ${env.dataDir} for this command…`);
  const pg = await startEmbeddedPostgres({ dataDir: env.dataDir, port: env.EMBEDDED_DB_PORT, password: secrets.databasePassword });
  return { url: pg.url, close: () => pg.stop() };
}

async function run(argv: string[]): Promise<void> {
  const [group, command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { name: { type: 'string' }, role: { type: 'string' }, expires: { type: 'string' }, id: { type: 'string' }, tags: { type: 'string' } },
  });
  const isTokenCommand = group === 'token' && ['create', 'list', 'revoke'].includes(command ?? '');
  const isDemoSeed = group === 'demo' && command === 'seed';
  const isRebuild = group === 'analytics' && command === 'rebuild';
  if (!isTokenCommand && !isDemoSeed && !isRebuild) {
    throw new Error(
      'usage: npm run cli -- token create --name NAME --role admin|operator|viewer [--expires DATE] | token list | token revoke --id ID | demo seed [--tags N] | analytics rebuild',
    );
  }
  const tagCount = values.tags === undefined ? 20 : Number(values.tags);
  if (!Number.isInteger(tagCount) || tagCount < 1 || tagCount > 10_000) throw new Error('--tags: must be a whole number from 1 to 10000');
  const database = await openDatabase();
  const db = createDb(database.url, { max: 2 });
  try {
    await migrateDatabase(database.url);
    if (isRebuild) {
      const started = performance.now();
      const { hours, rows } = await rebuildRollups(db);
      info(`rebuilt the analytics rollups: ${hours.toLocaleString('en')} hours, ${rows.toLocaleString('en')} hourly rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } else if (isDemoSeed) {
      const added = await insertMissingIdTags(db, simulatorIdTags(tagCount));
      info(`registered ${added.length} simulator id tags (${tagCount - added.length} already existed)`);
      info((await seedDemoTariff(db, cliActor)) ? `created the default tariff "${DEMO_TARIFF_NAME}" so sessions show a cost` : 'tariffs exist: left as they are');
    } else if (command === 'create') {
      const input = createApiTokenSchema.safeParse({ name: values.name, role: values.role, expiresAt: values.expires });
      if (!input.success) {
        const issue = input.error.issues[0]!;
        throw new Error(`--${issue.path[0] === 'expiresAt' ? 'expires' : String(issue.path[0])}: ${issue.message}`);
      }
      const { token, record } = await createApiToken(db, cliActor, input.data);
      info(`created API token "${record.name}" (role ${record.role}, id ${record.id}); it is shown only once:`);
      process.stdout.write(`${token}\n`);
    } else if (command === 'list') {
      for (const token of await listApiTokens(db)) {
        const state = token.revokedAt ? 'revoked' : token.expiresAt && token.expiresAt <= new Date() ? 'expired' : 'active';
        process.stdout.write(`${token.id}  ${token.prefix}…  ${token.role.padEnd(8)} ${state.padEnd(8)} ${token.name}\n`);
      }
    } else {
      if (!values.id) throw new Error('--id: required');
      await revokeApiToken(db, cliActor, values.id);
      info(`revoked ${values.id}`);
    }
  } finally {
    await db.$client.end();
    await database.close();
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof EnvError ? error.message : `error: ${(error as Error).message}`}\n`);
  process.exit(1);
});
