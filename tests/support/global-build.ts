import { ensureNextBuild } from '../../lib/runtime/next-build';

/** Build the web app once before the browser and launcher tests (the launcher then finds it current). */
export default async function setup() {
  await ensureNextBuild((line) => process.stdout.write(`[build] ${line}\n`), { ...process.env, NODE_ENV: 'production' });
}
