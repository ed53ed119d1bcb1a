import { getEnv, type Env } from '../env';
import { createDiskStorage } from './disk-storage';
import type { ObjectStorage } from './object-storage';
import { createS3Storage } from './s3-storage';

/** The bucket when STORAGE_S3_BUCKET is set (env.ts checks its keys are there), else DATA_DIR. */
export function createObjectStorage(env: Env): ObjectStorage {
  const s3 = env.storageS3;
  return s3 ? createS3Storage(s3) : createDiskStorage(env.dataDir);
}

let cached: ObjectStorage | undefined;

/** One storage per process, built from the environment on first use. */
export function getObjectStorage(): ObjectStorage {
  cached ??= createObjectStorage(getEnv());
  return cached;
}
