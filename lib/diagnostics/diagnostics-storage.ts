import path from 'node:path';

/** Largest diagnostics file accepted: log bundles are megabytes; this keeps a bad client from filling the storage. */
export const MAX_DIAGNOSTICS_BYTES = 100 * 1024 * 1024;

/** A name safe on any filesystem and as an object key, from what the station sent (path parts and odd characters removed). */
export function safeFileName(name: string | null | undefined, fallback: string): string {
  const base = path.basename(name ?? '').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '').slice(0, 100);
  return base || fallback;
}

/** The storage key diagnostics/<station>/<id>-<name> (under DATA_DIR on disk, the object key in a bucket). */
export function diagnosticsPath(stationId: string, id: number, fileName: string): string {
  return ['diagnostics', safeFileName(stationId, 'station'), `${id}-${fileName}`].join('/');
}
