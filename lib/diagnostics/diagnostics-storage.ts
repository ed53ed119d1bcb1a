import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors';

/** Largest diagnostics file accepted: log bundles are megabytes; this keeps a bad client from filling the disk. */
export const MAX_DIAGNOSTICS_BYTES = 100 * 1024 * 1024;

export const tooLarge = (maxBytes = MAX_DIAGNOSTICS_BYTES) => new AppError(413, 'too_large', `The file exceeds ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MiB`);

/** A name safe on any filesystem, from what the station sent (path parts and odd characters removed). */
export function safeFileName(name: string | null | undefined, fallback: string): string {
  const base = path.basename(name ?? '').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '').slice(0, 100);
  return base || fallback;
}

/** DATA_DIR/diagnostics/<station>/<id>-<name>, as a path relative to DATA_DIR. */
export function diagnosticsPath(stationId: string, id: number, fileName: string): string {
  return path.join('diagnostics', safeFileName(stationId, 'station'), `${id}-${fileName}`);
}

/** The absolute path of a stored file, refusing anything that would leave DATA_DIR. */
export function resolveStored(dataDir: string, relative: string): string {
  const full = path.resolve(dataDir, relative);
  if (!full.startsWith(path.resolve(dataDir) + path.sep)) throw new Error(`Refusing a path outside DATA_DIR: ${relative}`);
  return full;
}

/** Streams a body to disk, stopping at the size limit (the partial file is removed). Returns the bytes written. */
export async function writeLimited(body: ReadableStream<Uint8Array> | Readable, target: string, maxBytes = MAX_DIAGNOSTICS_BYTES): Promise<number> {
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > maxBytes ? tooLarge(maxBytes) : null, chunk);
    },
  });
  const source = body instanceof Readable ? body : Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
  try {
    await pipeline(source, count, fs.createWriteStream(target, { flags: 'wx' }));
  } catch (error) {
    await fs.promises.rm(target, { force: true });
    throw error;
  }
  return bytes;
}
