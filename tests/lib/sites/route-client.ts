import { createApiToken } from '@/lib/api-tokens/create-api-token';
import { systemActor } from '@/lib/auth/roles';
import type { Role } from '@/lib/db/schema';
import type { TestDatabase } from '../../support/test-database';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * Calls our route handlers in-process, the way Next.js does: a Request with a Bearer token and the
 * route params. The handlers use the process-wide client, so it must point at the test database
 * before the first call (getDb() reads DATABASE_URL once).
 */
export async function routeClient(t: TestDatabase) {
  process.env.DATABASE_URL = t.url;
  const tokens = new Map<Role, string>();
  for (const role of ['admin', 'operator', 'viewer'] as const) {
    tokens.set(role, (await createApiToken(t.db, systemActor, { name: `test-${role}`, role })).token);
  }
  return {
    async call(handler: Handler, options: { role?: Role; params?: Record<string, string>; body?: unknown; path?: string } = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.role) headers.authorization = `Bearer ${tokens.get(options.role)}`;
      const request = new Request(`http://localhost${options.path ?? '/api/v1/test'}`, {
        method: options.body === undefined ? 'GET' : 'POST',
        headers,
        body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
      });
      const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> & { error?: { code: string; field?: string; message: string } } };
    },
    /** Ends the route handlers' pool (before the database is dropped). */
    async close() {
      const { getDb } = await import('@/lib/db/client');
      await getDb().$client.end();
    },
  };
}
