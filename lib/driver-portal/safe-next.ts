/**
 * Where to go after signing in: only portal paths (`/c/…`, `/driver…`). `next` comes from the URL,
 * so anything else (another origin, `//host`, `/\host`) falls back to /driver: no open redirect.
 */
export function safePortalPath(next: string | null | undefined): string {
  return next && /^\/(c|driver)(\/[^\\]*)?$/.test(next) && !next.includes('//') ? next : '/driver';
}
