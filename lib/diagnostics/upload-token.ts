import crypto from 'node:crypto';

/** A one-time upload token (192 random bits, URL-safe) and the hash that is stored instead of it. */
export function newUploadToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(24).toString('base64url');
  return { token, tokenHash: hashUploadToken(token) };
}

export function hashUploadToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
