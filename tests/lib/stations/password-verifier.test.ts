import { expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { createStationPasswordVerifier } from '@/lib/stations/password-verifier';
import { generateStationPassword } from '@/lib/stations/set-station-password';

it('verifies with argon2id and remembers successes for a while only', async () => {
  let clock = 0;
  const verifier = createStationPasswordVerifier({ ttlMs: 1000, now: () => clock });
  const password = generateStationPassword();
  const passwordHash = await hashPassword(password);
  expect(await verifier.verify({ stationId: 'S', passwordHash, password })).toBe(true);
  expect(await verifier.verify({ stationId: 'S', passwordHash, password: 'wrong' })).toBe(false);
  // A cached success is bound to the stored hash: a new hash (password changed) checks again.
  const otherHash = await hashPassword('another-password-123');
  expect(await verifier.verify({ stationId: 'S', passwordHash: otherHash, password })).toBe(false);
  clock = 5000;
  expect(await verifier.verify({ stationId: 'S', passwordHash, password: Buffer.from(password) })).toBe(true);
});
