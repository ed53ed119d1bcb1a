import crypto from 'node:crypto';
import { pipeline, Transform } from 'node:stream';
import { recordAudit } from '../audit/record-audit';
import { roleAllows, type Actor } from '../auth/roles';
import type { Db } from '../db/client';
import { findFirmwareImage, insertFirmwareImage } from '../db/queries/firmware';
import type { FirmwareImage } from '../db/schema';
import { safeFileName } from '../diagnostics/diagnostics-storage';
import { badRequest, conflict, forbidden } from '../errors';
import { toNodeStream, tooLarge, type ObjectStorage, type UploadBody } from '../storage/object-storage';

export interface FirmwareUpload {
  vendor: string;
  model: string;
  version: string;
  fileName: string;
  body: UploadBody | null;
  /** Content-Length when the client sent one: refused early above the limit. */
  declaredBytes?: number;
  /** DATA_DIR or the S3 bucket (lib/storage). */
  storage: ObjectStorage;
  maxBytes: number;
}

/**
 * Stores an uploaded firmware file under firmware/ in the storage (admin only): streamed with its
 * SHA-256 and size computed on the way, stopped at the size limit. One file per vendor, model and
 * version.
 */
export async function storeFirmwareImage(db: Db, actor: Actor, upload: FirmwareUpload): Promise<FirmwareImage> {
  if (!roleAllows(actor.role, 'admin')) throw forbidden('Uploading firmware needs the admin role');
  if (!upload.body) throw badRequest('The upload has no body: send the file as the request body');
  if ((upload.declaredBytes ?? 0) > upload.maxBytes) throw tooLarge(upload.maxBytes);
  if (await findFirmwareImage(db, upload)) throw conflict('duplicate_version', `${upload.vendor} ${upload.model} ${upload.version} is already uploaded`, 'version');

  const fileName = safeFileName(upload.fileName, `firmware-${upload.version}.bin`);
  const storagePath = `firmware/${crypto.randomBytes(8).toString('hex')}-${fileName}`;
  const hash = crypto.createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const hashed = pipeline(toNodeStream(upload.body), hashing, () => {});
  const { sizeBytes } = await upload.storage.put(storagePath, hashed, { maxBytes: upload.maxBytes, contentType: 'application/octet-stream' });
  const sha256 = hash.digest('hex');
  try {
    if (sizeBytes === 0) throw badRequest('The firmware file is empty');
    const image = await insertFirmwareImage(db, { vendor: upload.vendor, model: upload.model, version: upload.version, fileName, sizeBytes, sha256, storagePath, uploadedBy: actor.label });
    await recordAudit(db, actor, { action: 'firmware.upload', targetType: 'firmware', targetId: String(image.id), after: { vendor: image.vendor, model: image.model, version: image.version, sha256, sizeBytes } });
    return image;
  } catch (error) {
    await upload.storage.delete(storagePath);
    throw error;
  }
}
