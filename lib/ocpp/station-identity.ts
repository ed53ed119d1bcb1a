/** OCPP identities are 1–48 characters; we accept printable ASCII without spaces (0x21–0x7E). */
const IDENTITY = /^[\x21-\x7e]{1,48}$/;

/** The station identity from the last path segment of `/ocpp/{stationId}`, URL-decoded; null when invalid. */
export function parseStationIdentity(segment: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return IDENTITY.test(decoded) ? decoded : null;
}

/** Splits `/ocpp/{stationId}`; null when the path does not match. */
export function parseOcppPath(pathname: string, mount = '/ocpp'): { identity: string | null } | null {
  if (!pathname.startsWith(`${mount}/`)) return null;
  const rest = pathname.slice(mount.length + 1);
  if (rest.length === 0 || rest.includes('/')) return { identity: null };
  return { identity: parseStationIdentity(rest) };
}
