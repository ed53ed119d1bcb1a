import type { TLSSocket } from 'node:tls';
import type { RPCServer } from 'ocpp-rpc';
import type { StationCredentials } from '@/lib/db/queries/stations';
import { negotiateProtocol } from '@/lib/ocpp/protocols';
import { admitStation } from '@/lib/stations/admit-station';
import type { StationPasswordVerifier } from '@/lib/stations/password-verifier';
import type { StationDirectory } from '@/lib/stations/station-directory';

type AuthCallback = Parameters<RPCServer['auth']>[0];

export interface UpgradeSession {
  registrationStatus: StationCredentials['registrationStatus'];
}

/**
 * The chain every upgrade goes through before a socket exists: a subprotocol we serve (ocpp-rpc
 * would otherwise accept a client that offered none), a known station or the unknown-station policy,
 * then the station's security profile.
 */
export function createUpgradeAuthenticator(deps: {
  directory: StationDirectory;
  verifier: StationPasswordVerifier;
  onError(error: unknown): void;
}): AuthCallback {
  return async (accept, reject, handshake) => {
    const protocol = negotiateProtocol(handshake.protocols);
    if (!protocol) return reject(400, 'No supported subprotocol offered: use Sec-WebSocket-Protocol: ocpp1.6');
    try {
      const station = await deps.directory.findOrRegister(handshake.identity);
      if (!station) return reject(404, 'Unknown station');
      const tls = Boolean((handshake.request.socket as TLSSocket).encrypted);
      const admission = await admitStation(station, { tls, password: handshake.password }, deps.verifier);
      if (!admission.ok) return reject(admission.status, admission.reason);
      const session: UpgradeSession = { registrationStatus: station.registrationStatus };
      accept(session, protocol);
    } catch (error) {
      deps.onError(error);
      reject(503, 'Temporarily unavailable');
    }
  };
}
