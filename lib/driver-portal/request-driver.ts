import { getDriverBySessionHash } from '../db/queries/driver-accounts';
import type { Db } from '../db/client';
import type { Driver } from '../db/schema';
import { DRIVER_COOKIE_NAME } from './driver-cookie';
import { hashSecretToken } from './secret-token';

/** The driver of a request's `csms_driver` cookie (for route handlers that get the Request). */
export async function getRequestDriver(db: Db, request: Request, now = new Date()): Promise<Driver | null> {
  const header = request.headers.get('cookie') ?? '';
  const pair = header.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${DRIVER_COOKIE_NAME}=`));
  const token = pair ? decodeURIComponent(pair.slice(DRIVER_COOKIE_NAME.length + 1)) : '';
  if (!token || token.length > 100) return null;
  return (await getDriverBySessionHash(db, hashSecretToken(token), now)) ?? null;
}
