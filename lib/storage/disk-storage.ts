import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { checkKey, limitBytes, toNodeStream, type ObjectStorage } from './object-storage';

/** Objects as files under a root folder (DATA_DIR): the key is the path below it. */
export function createDiskStorage(root: string): ObjectStorage {
  const base = path.resolve(root);
  const resolve = (key: string) => {
    const full = path.resolve(base, checkKey(key));
    if (!full.startsWith(base + path.sep)) throw new Error(`Refusing a path outside DATA_DIR: ${key}`);
    return full;
  };
  const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

  return {
    kind: 'disk',
    async put(key, body, { maxBytes }) {
      const target = resolve(key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const limit = limitBytes(maxBytes);
      try {
        await pipeline(toNodeStream(body), limit, fs.createWriteStream(target, { flags: 'wx' }));
      } catch (error) {
        // 'wx' failing means the key exists: that file is someone else's, leave it.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await fs.promises.rm(target, { force: true });
        throw error;
      }
      return { sizeBytes: limit.bytes() };
    },
    async get(key) {
      const file = resolve(key);
      try {
        const handle = await fs.promises.open(file, 'r');
        const { size } = await handle.stat();
        return { body: handle.createReadStream(), sizeBytes: size };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      await fs.promises.rm(resolve(key), { force: true });
    },
    async exists(key) {
      try {
        return (await fs.promises.stat(resolve(key))).isFile();
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
  };
}
