import { Readable, Transform } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { AppError } from '../errors';

/**
 * Where uploaded files live (diagnostics bundles, firmware images): the local disk under DATA_DIR, or
 * an S3-compatible bucket. Keys are relative paths with `/` separators (`diagnostics/CP-1/7-log.txt`);
 * the project never reuses a key, so a put always creates a new object.
 */
export interface ObjectStorage {
  readonly kind: 'disk' | 's3';
  /** Streams `body` to `key`. Above `maxBytes` it fails with 413 and nothing is kept. */
  put(key: string, body: UploadBody, options: PutOptions): Promise<{ sizeBytes: number }>;
  /** The object as a stream with its size, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object; a missing one is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export type UploadBody = Readable | ReadableStream<Uint8Array>;
export interface PutOptions {
  maxBytes: number;
  contentType?: string | null;
}
export interface StoredObject {
  body: Readable;
  sizeBytes: number;
}

export const tooLarge = (maxBytes: number) => new AppError(413, 'too_large', `The file exceeds ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MiB`);

export const toNodeStream = (body: UploadBody): Readable => (body instanceof Readable ? body : Readable.fromWeb(body as NodeReadableStream<Uint8Array>));

/** Counts what passes and fails the stream with 413 once it passes `maxBytes`. */
export function limitBytes(maxBytes: number): Transform & { bytes: () => number } {
  let bytes = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > maxBytes ? tooLarge(maxBytes) : null, chunk);
    },
  });
  return Object.assign(transform, { bytes: () => bytes });
}

/** Refuses keys that could leave the storage root or name a folder. */
export function checkKey(key: string): string {
  const parts = key.split('/');
  if (!key || key.startsWith('/') || parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\'))) {
    throw new Error(`Refusing an object key outside the storage root: ${key}`);
  }
  return key;
}
