import crypto from 'node:crypto';
import type { VirtualStation } from './virtual-station';

type Params = Record<string, unknown>;
type CommandHandler = (station: VirtualStation, params: Params) => object | Promise<object>;

/**
 * A certificate signing request made with `openssl req -new` for the demo identity "SIM-STATION". A real
 * station makes one per station with its own key; the simulator holds no key, so it always sends this one.
 */
export const SIMULATOR_CSR = `-----BEGIN CERTIFICATE REQUEST-----
MIHlMIGLAgEAMCkxETAPBgNVBAoMCENTTVMtU2ltMRQwEgYDVQQDDAtTSU0tU1RB
VElPTjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABCNx7P7w9pliDslyCot4A8Cr
iDsB9flBNbX0KAv+IIYJNFzVEvIMVg4gx/GmHo8wNWw15jz6kQ/zHwSK5KjYkfmg
ADAKBggqhkjOPQQDAgNJADBGAiEAnppxzHJDndLI/MtoK1mDaq15bJ5LARHasoy/
B6crRykCIQClTbQVKhNp2RgQhNJpqtj4mR7qhaQMKuc/RVZ7tw1lpQ==
-----END CERTIFICATE REQUEST-----`;

const isPemCertificate = (text: unknown) => typeof text === 'string' && /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(text);
const later = (fn: () => Promise<unknown>) => setTimeout(() => void fn().catch(() => {}), 50);

/** Installed CA certificates per station, as GetInstalledCertificateIds reports them (hashes of the PEM text). */
const installed = new WeakMap<VirtualStation, { type: string; serialNumber: string; pem: string }[]>();
const certificatesOf = (station: VirtualStation) => installed.get(station) ?? installed.set(station, []).get(station)!;

function hashData(pem: string, serialNumber: string) {
  const digest = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
  return { hashAlgorithm: 'SHA256', issuerNameHash: digest(`issuer:${pem}`), issuerKeyHash: digest(`key:${pem}`), serialNumber };
}

/** Answers to the Central System messages of the OCPP 1.6 Security Whitepaper (edition 3, §4). */
export const securityCommands: Record<string, CommandHandler> = {
  CertificateSigned: (_station, p) => ({ status: isPemCertificate(p.certificateChain) ? 'Accepted' : 'Rejected' }),
  InstallCertificate(station, p) {
    if (!isPemCertificate(p.certificate)) return { status: 'Rejected' };
    const list = certificatesOf(station);
    list.push({ type: String(p.certificateType), serialNumber: String(list.length + 1), pem: String(p.certificate) });
    return { status: 'Accepted' };
  },
  GetInstalledCertificateIds(station, p) {
    const matching = certificatesOf(station).filter((c) => c.type === p.certificateType);
    if (matching.length === 0) return { status: 'NotFound' };
    return { status: 'Accepted', certificateHashData: matching.map((c) => hashData(c.pem, c.serialNumber)) };
  },
  DeleteCertificate(station, p) {
    const list = certificatesOf(station);
    const wanted = (p.certificateHashData ?? {}) as { serialNumber?: string };
    const index = list.findIndex((c) => c.serialNumber === wanted.serialNumber);
    if (index < 0) return { status: 'NotFound' };
    list.splice(index, 1);
    return { status: 'Accepted' };
  },
  ExtendedTriggerMessage(station, p) {
    const send: Record<string, () => Promise<unknown>> = {
      Heartbeat: () => station.send('Heartbeat', {}),
      LogStatusNotification: () => station.send('LogStatusNotification', { status: 'Idle' }),
      FirmwareStatusNotification: () => station.send('SignedFirmwareStatusNotification', { status: 'Idle' }),
      SignChargePointCertificate: () => station.send('SignCertificate', { csr: SIMULATOR_CSR }),
    };
    const action = send[String(p.requestedMessage)];
    if (!action) return { status: 'NotImplemented' };
    later(action);
    return { status: 'Accepted' };
  },
  GetLog(station, p) {
    const requestId = Number(p.requestId);
    later(async () => {
      for (const status of ['Uploading', 'Uploaded']) await station.send('LogStatusNotification', { status, requestId });
    });
    return { status: 'Accepted', filename: `${String(p.logType).toLowerCase()}-${station.options.identity}.log` };
  },
  SignedUpdateFirmware(station, p) {
    const requestId = Number(p.requestId);
    later(async () => {
      for (const status of ['Downloading', 'Downloaded', 'SignatureVerified', 'Installing', 'Installed']) {
        await station.send('SignedFirmwareStatusNotification', { status, requestId });
      }
    });
    return { status: 'Accepted' };
  },
};
