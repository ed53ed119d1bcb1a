import QRCode from 'qrcode';
import { getEnv } from '../env';

/**
 * The origin stickers point at: NEXTAUTH_URL when set (the public address behind a proxy), else the
 * host the operator's browser used (as next-auth does).
 */
export function publicOrigin(headers: Headers): string {
  const configured = getEnv().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? 'localhost';
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? 'http';
  return `${proto}://${host}`;
}

/** What a connector's sticker opens: /c/{stationId}/{connectorId} on this server (the driver portal's entry). */
export function connectorLink(origin: string, stationId: string, connectorId: number): string {
  return new URL(`/c/${encodeURIComponent(stationId)}/${connectorId}`, origin).toString();
}

// Level M survives a scuffed sticker (15 % of the code) while keeping modules large enough to scan from a phone.
const options = { errorCorrectionLevel: 'M', margin: 2 } as const;

export const connectorQrSvg = (link: string): Promise<string> => QRCode.toString(link, { ...options, type: 'svg' });

export const connectorQrPng = (link: string): Promise<Buffer> => QRCode.toBuffer(link, { ...options, type: 'png', width: 600 });
