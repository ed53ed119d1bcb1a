import crypto from 'node:crypto';

/** 256 random bits, URL-safe: session cookies and one-time links. Only the SHA-256 is stored. */
export function newSecretToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, tokenHash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
