import { Readable, pipeline } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { checkKey, limitBytes, toNodeStream, tooLarge, type ObjectStorage } from './object-storage';

export interface S3StorageConfig {
  /** Unset: AWS S3 itself; set for MinIO, Ceph, R2 and the like. */
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

const isMissing = (error: unknown) => error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NoSuchKey' || error.name === 'NotFound');

/** Objects in an S3-compatible bucket; the key is the object key. */
export function createS3Storage(config: S3StorageConfig): ObjectStorage {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // The SDK's default CRC32 trailers (aws-chunked bodies) are not accepted by every S3-compatible
    // server; checksums only where an operation requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = config.bucket;

  return {
    kind: 's3',
    async put(key, body, { maxBytes, contentType }) {
      const limit = limitBytes(maxBytes);
      // Streams of unknown length: lib-storage sends one PutObject for small files, a multipart
      // upload (5 MiB parts, aborted on failure) for larger ones.
      const counted = pipeline(toNodeStream(body), limit, () => {});
      const upload = new Upload({ client, queueSize: 2, params: { Bucket, Key: checkKey(key), Body: counted, ContentType: contentType ?? undefined } });
      try {
        await upload.done();
      } catch (error) {
        if (limit.bytes() > maxBytes) throw tooLarge(maxBytes);
        throw error;
      }
      return { sizeBytes: limit.bytes() };
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: checkKey(key) }));
        if (!(object.Body instanceof Readable)) throw new Error('Expected a Node.js stream from S3');
        return { body: object.Body, sizeBytes: object.ContentLength ?? 0 };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: checkKey(key) }));
    },
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: checkKey(key) }));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
  };
}
