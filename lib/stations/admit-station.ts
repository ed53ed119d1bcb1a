import type { StationCredentials } from '../db/queries/stations';
import type { StationPasswordVerifier } from './password-verifier';

export type Admission = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/**
 * OCPP 1.6 security profiles (Security Whitepaper §2): 0 no authentication, 1 HTTP Basic, 2 TLS +
 * HTTP Basic. The Basic user must equal the identity (ocpp-rpc only hands us the password then).
 */
export async function admitStation(
  station: StationCredentials,
  connection: { tls: boolean; password: Buffer | undefined },
  verifier: StationPasswordVerifier,
): Promise<Admission> {
  if (station.securityProfile === 0) return { ok: true };
  if (station.securityProfile >= 2 && !connection.tls) return { ok: false, status: 403, reason: 'Security profile 2 requires TLS (wss://)' };
  if (!station.passwordHash) return { ok: false, status: 401, reason: 'No password is set for this station' };
  if (!connection.password) return { ok: false, status: 401, reason: 'HTTP Basic authentication required' };
  const valid = await verifier.verify({ stationId: station.id, passwordHash: station.passwordHash, password: connection.password });
  return valid ? { ok: true } : { ok: false, status: 401, reason: 'Invalid credentials' };
}
