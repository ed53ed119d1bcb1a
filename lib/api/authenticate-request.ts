import { getDb } from '../db/client';
import { authenticateApiToken } from '../api-tokens/authenticate-api-token';
import { getSessionUser, userActor } from '../auth/session';
import type { Actor } from '../auth/roles';

/**
 * `Authorization: Bearer <token>` for machine clients, else the browser session cookie.
 * A present but wrong bearer token never falls back to the cookie.
 */
export async function authenticateRequest(request: Request): Promise<Actor | null> {
  const header = request.headers.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? authenticateApiToken(getDb(), match[1]!) : null;
  }
  const user = await getSessionUser();
  return user ? userActor(user) : null;
}
