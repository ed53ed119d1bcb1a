import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { recordAudit } from '../audit/record-audit';
import { roleAllows, type Actor } from '../auth/roles';
import type { Db } from '../db/client';
import { findFirmwareImage, insertFirmwareImage } from '../db/queries/firmware';
import type { FirmwareImage } from '../db/schema';
import { resolveStored, safeFileName, tooLarge } from '../diagnostics/diagnostics-storage';
import { badRequest, conflict, forbidden } from '../errors';

export interface FirmwareUpload {
  vendor: string;
  model: string;
  version: string;
  fileName: string;
  body: ReadableStream<Uint8Array> | Readable | null;
  /** Content-Length when the client sent one: refused early above the limit. */
  declaredBytes?: number;
  dataDir: string;
  maxBytes: number;
}

/**
 * Stores an uploaded firmware file under DATA_DIR/firmware (admin only): streamed to disk with its
 * SHA-256 and size computed on the way, stopped at the size limit. One file per vendor, model and
 * version.
 */
export async function storeFirmwareImage(db: Db, actor: Actor, upload: FirmwareUpload): Promise<FirmwareImage> {
  if (!roleAllows(actor.role, 'admin')) throw forbidden('Uploading firmware needs the admin role');
  if (!upload.body) throw badRequest('The upload has no body: send the file as the request body');
  if ((upload.declaredBytes ?? 0) > upload.maxBytes) throw tooLarge(upload.maxBytes);
  if (await findFirmwareImage(db, upload)) throw conflict('duplicate_version', `${upload.vendor} ${upload.model} ${upload.version} is already uploaded`, 'version');

  const fileName = safeFileName(upload.fileName, `firmware-${upload.version}.bin`);
  const storagePath = path.join('firmware', `${crypto.randomBytes(8).toString('hex')}-${fileName}`);
  const target = resolveStored(upload.dataDir, storagePath);
  const { sizeBytes, sha256 } = await writeHashed(upload.body, target, upload.maxBytes);
  if (sizeBytes === 0) {
    await fs.promises.rm(target, { force: true });
    throw badRequest('The firmware file is empty');
  }
  try {
    const image = await insertFirmwareImage(db, { vendor: upload.vendor, model: upload.model, version: upload.version, fileName, sizeBytes, sha256, storagePath, uploadedBy: actor.label });
    await recordAudit(db, actor, { action: 'firmware.upload', targetType: 'firmware', targetId: String(image.id), after: { vendor: image.vendor, model: image.model, version: image.version, sha256, sizeBytes } });
    return image;
  } catch (error) {
    await fs.promises.rm(target, { force: true });
    throw error;
  }
}

async function writeHashed(body: ReadableStream<Uint8Array> | Readable, target: string, maxBytes: number) {
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const hash = crypto.createHash('sha256');
  let sizeBytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      hash.update(chunk);
      done(sizeBytes > maxBytes ? tooLarge(maxBytes) : null, chunk);
    },
  });
  const source = body instanceof Readable ? body : Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
  try {
    await pipeline(source, count, fs.createWriteStream(target, { flags: 'wx' }));
  } catch (error) {
    await fs.promises.rm(target, { force: true });
    throw error;
  }
  return { sizeBytes, sha256: hash.digest('hex') };
}
