import crypto from 'node:crypto';
import { recordAudit } from '../audit/record-audit';
import { hashPassword } from '../auth/password';
import type { Actor } from '../auth/roles';
import type { Db } from '../db/client';
import { getStationById, updateStation } from '../db/queries/stations';
import { badRequest, notFound } from '../errors';

/** OCPP 1.6 Security Whitepaper: the Basic auth password (AuthorizationKey) is 16–40 characters. */
export const STATION_PASSWORD_LENGTH = { min: 16, max: 40 } as const;

export function generateStationPassword(): string {
  return crypto.randomBytes(24).toString('base64url'); // 32 characters
}

/**
 * Sets the station's security profile and HTTP Basic password (generated when none is given).
 * Stores only the argon2id hash; the password is returned once, for the operator to copy.
 */
export async function setStationPassword(
  db: Db,
  actor: Actor,
  input: { stationId: string; securityProfile: 1 | 2; password?: string },
): Promise<{ password: string }> {
  const password = input.password ?? generateStationPassword();
  if (password.length < STATION_PASSWORD_LENGTH.min || password.length > STATION_PASSWORD_LENGTH.max) {
    throw badRequest(`The password must be ${STATION_PASSWORD_LENGTH.min}–${STATION_PASSWORD_LENGTH.max} characters`, 'password');
  }
  const before = await getStationById(db, input.stationId);
  if (!before) throw notFound('Station not found');
  await updateStation(db, input.stationId, { securityProfile: input.securityProfile, passwordHash: await hashPassword(password) });
  await recordAudit(db, actor, {
    action: 'station.password.set',
    targetType: 'station',
    targetId: input.stationId,
    before: { securityProfile: before.securityProfile, hasPassword: before.passwordHash !== null },
    after: { securityProfile: input.securityProfile, hasPassword: true },
  });
  return { password };
}

/** Back to profile 0 (no authentication); the stored hash is removed. */
export async function clearStationPassword(db: Db, actor: Actor, stationId: string): Promise<void> {
  const before = await getStationById(db, stationId);
  if (!before) throw notFound('Station not found');
  await updateStation(db, stationId, { securityProfile: 0, passwordHash: null });
  await recordAudit(db, actor, {
    action: 'station.password.clear',
    targetType: 'station',
    targetId: stationId,
    before: { securityProfile: before.securityProfile, hasPassword: before.passwordHash !== null },
    after: { securityProfile: 0, hasPassword: false },
  });
}
