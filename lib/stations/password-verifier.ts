import crypto from 'node:crypto';
import { verifyPassword } from '../auth/password';

/**
 * argon2id costs ~50 ms of CPU per check: a reconnect storm of 1,000 profile-1 stations would take
 * most of a minute. A successful check is remembered briefly, keyed by a SHA-256 of identity, stored
 * hash and password, so a changed password or hash never matches an old entry. Failures are not cached.
 */
export interface StationPasswordVerifier {
  verify(input: { stationId: string; passwordHash: string; password: Buffer | string }): Promise<boolean>;
}

export function createStationPasswordVerifier(options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}): StationPasswordVerifier {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const maxEntries = options.maxEntries ?? 100_000;
  const now = options.now ?? Date.now;
  const verified = new Map<string, number>();
  return {
    async verify({ stationId, passwordHash, password }) {
      const text = typeof password === 'string' ? password : password.toString('utf8');
      const key = crypto.createHash('sha256').update(`${stationId}\0${passwordHash}\0${text}`).digest('base64');
      const at = verified.get(key);
      if (at !== undefined && now() - at < ttlMs) return true;
      if (!(await verifyPassword(passwordHash, text))) return false;
      if (verified.size >= maxEntries) verified.delete(verified.keys().next().value!);
      verified.set(key, now());
      return true;
    },
  };
}
