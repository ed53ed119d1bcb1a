import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '../db/client';
import { deleteDriverSession, getDriverBySessionHash } from '../db/queries/driver-accounts';
import type { Driver } from '../db/schema';
import { getEnv } from '../env';
import { DRIVER_COOKIE_NAME } from './driver-cookie';
import { hashSecretToken } from './secret-token';

/**
 * The portal's own cookie: never next-auth's, so a driver is never an operator. Operator pages and
 * /api/v1 read only next-auth sessions and API tokens; portal pages read only this cookie.
 */
export const DRIVER_COOKIE = DRIVER_COOKIE_NAME;

async function isHttps(): Promise<boolean> {
  const proto = (await headers()).get('x-forwarded-proto')?.split(',')[0]?.trim();
  return proto === 'https' || Boolean(getEnv().NEXTAUTH_URL?.startsWith('https:'));
}

export async function setDriverCookie(session: { token: string; expiresAt: Date }): Promise<void> {
  (await cookies()).set(DRIVER_COOKIE, session.token, { httpOnly: true, sameSite: 'lax', secure: await isHttps(), path: '/', expires: session.expiresAt });
}

export async function signOutDriver(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(DRIVER_COOKIE)?.value;
  if (token) await deleteDriverSession(getDb(), hashSecretToken(token));
  jar.delete(DRIVER_COOKIE);
}

/** The signed-in driver, re-read on every request: a block or a deletion takes effect at once. */
export async function getSessionDriver(): Promise<Driver | null> {
  const token = (await cookies()).get(DRIVER_COOKIE)?.value;
  if (!token || token.length > 100) return null;
  return (await getDriverBySessionHash(getDb(), hashSecretToken(token), new Date())) ?? null;
}

/** For portal pages and actions: to the portal's sign-in when signed out, then back to `next`. */
export async function requireDriver(next = '/driver'): Promise<Driver> {
  const driver = await getSessionDriver();
  if (!driver) redirect(`/driver/login?next=${encodeURIComponent(next)}`);
  return driver;
}
