/**
 * Where stations reach this web app, from the request an operator made (behind a proxy, its
 * X-Forwarded-* headers). Stations and operators are assumed to use the same address.
 */
export function publicBaseUrl(headers: Headers): string {
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http';
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host') || 'localhost';
  return `${proto}://${host}`;
}
