import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiskStorage } from '@/lib/storage/disk-storage';
import type { ObjectStorage } from '@/lib/storage/object-storage';
import { createS3Storage } from '@/lib/storage/s3-storage';
import { startS3Server, type S3Server } from '../support/s3-server';

// One contract, two implementations: files under a folder, and a bucket on a real S3-compatible
// HTTP server (s3rver on a free loopback port).
let s3: S3Server;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'csms-storage-'));
const storages: Record<'disk' | 's3', () => ObjectStorage> = {
  disk: () => createDiskStorage(root),
  s3: () => createS3Storage(s3.config),
};

beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const MiB = 1024 * 1024;
/** A body in several chunks, as a request body arrives. */
const chunked = (data: Buffer, size = 64 * 1024) => Readable.from((function* () {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
})());
const read = async (storage: ObjectStorage, key: string) => {
  const stored = await storage.get(key);
  return stored && { sizeBytes: stored.sizeBytes, data: await buffer(stored.body) };
};

describe.each(['disk', 's3'] as const)('%s object storage', (kind) => {
  const storage = () => storages[kind]();

  it('puts a stream, gets it back with its size, tells it exists, deletes it', async () => {
    const data = crypto.randomBytes(300_000);
    expect(await storage().put('diagnostics/CP-1/1-log.txt', chunked(data), { maxBytes: MiB, contentType: 'text/plain' })).toEqual({ sizeBytes: data.length });
    expect(await storage().exists('diagnostics/CP-1/1-log.txt')).toBe(true);
    const got = await read(storage(), 'diagnostics/CP-1/1-log.txt');
    expect(got?.sizeBytes).toBe(data.length);
    expect(got?.data.equals(data)).toBe(true);
    await storage().delete('diagnostics/CP-1/1-log.txt');
    expect(await storage().exists('diagnostics/CP-1/1-log.txt')).toBe(false);
    expect(await storage().get('diagnostics/CP-1/1-log.txt')).toBeNull();
  });

  it('takes a web ReadableStream (a fetch Request body) and an empty body', async () => {
    const body = new Request('http://localhost/', { method: 'PUT', body: 'from fetch\n' }).body!;
    expect(await storage().put('web/a.txt', body, { maxBytes: 100 })).toEqual({ sizeBytes: 11 });
    expect((await read(storage(), 'web/a.txt'))?.data.toString()).toBe('from fetch\n');
    expect(await storage().put('web/empty.bin', Readable.from([]), { maxBytes: 100 })).toEqual({ sizeBytes: 0 });
    expect(await read(storage(), 'web/empty.bin')).toEqual({ sizeBytes: 0, data: Buffer.alloc(0) });
  });

  it('streams a file larger than one multipart part (5 MiB) intact', async () => {
    const data = crypto.randomBytes(6 * MiB + 123);
    expect(await storage().put('firmware/big.bin', chunked(data), { maxBytes: 8 * MiB })).toEqual({ sizeBytes: data.length });
    const got = await read(storage(), 'firmware/big.bin');
    expect(got?.sizeBytes).toBe(data.length);
    expect(crypto.createHash('sha256').update(got!.data).digest('hex')).toBe(crypto.createHash('sha256').update(data).digest('hex'));
  });

  it('stops at the size limit with 413 and keeps nothing; exactly the limit is fine', async () => {
    await expect(storage().put('limit/over.bin', chunked(Buffer.alloc(10_001)), { maxBytes: 10_000 })).rejects.toMatchObject({ status: 413, code: 'too_large' });
    expect(await storage().exists('limit/over.bin')).toBe(false);
    await expect(storage().put('limit/over-big.bin', chunked(crypto.randomBytes(6 * MiB)), { maxBytes: 5.5 * MiB })).rejects.toMatchObject({ status: 413 });
    expect(await storage().exists('limit/over-big.bin')).toBe(false);
    expect(await storage().put('limit/exact.bin', chunked(Buffer.alloc(10_000)), { maxBytes: 10_000 })).toEqual({ sizeBytes: 10_000 });
  });

  it('answers a missing object with null / false, and deleting it is no error', async () => {
    expect(await storage().get('nothing/here.bin')).toBeNull();
    expect(await storage().exists('nothing/here.bin')).toBe(false);
    await expect(storage().delete('nothing/here.bin')).resolves.toBeUndefined();
  });

  it('refuses keys that would leave the storage root', async () => {
    for (const key of ['../escape.txt', '/abs.txt', 'a//b.txt', 'a/./b.txt', '']) {
      await expect(storage().put(key, Readable.from(['x']), { maxBytes: 10 })).rejects.toThrow(/outside/);
    }
    expect(fs.existsSync(path.join(root, '..', 'escape.txt'))).toBe(false);
  });
});

describe('s3 object storage against the server', () => {
  it('keeps the objects in the bucket, not on local disk', async () => {
    await storages.s3().put('where/is-it.txt', Readable.from(['in the bucket']), { maxBytes: 100 });
    expect(fs.existsSync(path.join(root, 'where'))).toBe(false);
    const onServer = fs.readdirSync(s3.directory, { recursive: true }).map(String);
    expect(onServer.some((entry) => entry.includes('is-it.txt'))).toBe(true);
  });

  // s3rver checks the access key id of SigV4 requests but does not verify their signature.
  it('is refused with an unknown access key id, and the failed put leaves nothing', async () => {
    const wrong = createS3Storage({ ...s3.config, accessKeyId: 'NOT-A-KEY' });
    await expect(wrong.put('signed/x.txt', Readable.from(['x']), { maxBytes: 10 })).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
    expect(await storages.s3().exists('signed/x.txt')).toBe(false);
  });
});
