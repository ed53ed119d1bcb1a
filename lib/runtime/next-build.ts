import crypto from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const STAMP = path.join(ROOT, '.next', 'csms-build-stamp');
const INPUT_DIRS = ['app', 'components', 'lib', 'public'];
const INPUT_FILES = ['package-lock.json', 'next.config.ts', 'tsconfig.json', 'postcss.config.mjs'];

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

/** A hash of every input of `next build`: the build is current when the stamp it left matches. */
export function sourceFingerprint(): string {
  const hash = crypto.createHash('sha256');
  const files = [...INPUT_DIRS.flatMap((dir) => listFiles(path.join(ROOT, dir))), ...INPUT_FILES.map((file) => path.join(ROOT, file))].sort();
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    hash.update(path.relative(ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function isBuildCurrent(): boolean {
  return fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID')) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === sourceFingerprint();
}

/** Runs `next build` unless the existing build was made from the same sources. */
export async function ensureNextBuild(log: (line: string) => void, env: NodeJS.ProcessEnv): Promise<'built' | 'current'> {
  if (isBuildCurrent()) return 'current';
  const fingerprint = sourceFingerprint();
  log('building the web app (first start, or the sources changed; this takes a minute or two)…');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: ROOT,
      env: { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const forward = (chunk: Buffer) => chunk.toString('utf8').split('\n').filter((line) => line.trim()).forEach((line) => log(line));
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed with exit code ${code}`))));
  });
  fs.writeFileSync(STAMP, fingerprint);
  return 'built';
}
