import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface LocalSecrets {
  nextAuthSecret: string;
  databasePassword: string;
}

/**
 * Secrets a newcomer should not have to invent: generated on the first start and kept in
 * DATA_DIR/secrets.json (mode 0600), so sessions and the embedded database survive restarts.
 */
export function loadOrCreateSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, 'secrets.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as LocalSecrets;
  const secrets: LocalSecrets = {
    nextAuthSecret: crypto.randomBytes(32).toString('base64url'),
    databasePassword: crypto.randomBytes(24).toString('base64url'),
  };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
