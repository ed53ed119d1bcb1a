import { insertCertificateSigningRequest } from '@/lib/db/queries/security-events';
import type { SignCertificateRequest, SignCertificateResponse } from '@/lib/ocpp/v16/types';
import type { Handler } from '../context';

const PEM_CSR = /^-----BEGIN (NEW )?CERTIFICATE REQUEST-----([A-Za-z0-9+/=\s]+)-----END (NEW )?CERTIFICATE REQUEST-----$/;

/** PEM armour around base64 of a DER SEQUENCE (0x30): what PKCS#10 is. Node has no CSR parser to go further. */
function isPemCsr(text: string): boolean {
  const body = PEM_CSR.exec(text)?.[2];
  return body !== undefined && Buffer.from(body.replace(/\s+/g, ''), 'base64')[0] === 0x30;
}

/**
 * Security Whitepaper §3.2 (A02/A03): the station sends a CSR. We keep it and answer Accepted, meaning
 * "received and forwarded for signing": the operator's CA signs it and the certificate goes back with the
 * CertificateSigned command. A CSR that is not PEM is Rejected at once.
 */
export const signCertificate: Handler<SignCertificateRequest, SignCertificateResponse> = async (ctx, request) => {
  const csr = request.csr.trim();
  if (!isPemCsr(csr)) return { status: 'Rejected' };
  await insertCertificateSigningRequest(ctx.db, { stationId: ctx.stationId, csr, receivedAt: ctx.now() });
  ctx.bus.publish({ kind: 'station.updated', stationId: ctx.stationId });
  return { status: 'Accepted' };
};
