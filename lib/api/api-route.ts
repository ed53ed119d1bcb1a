import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { getDb, type Db } from '../db/client';
import { roleAllows, type Actor } from '../auth/roles';
import type { Operation } from './operation';
import { appErrorResponse, errorResponse, validationErrorResponse } from './error-response';
import { authenticateRequest } from './authenticate-request';

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export interface ApiContext<P, Q, B> {
  request: Request;
  db: Db;
  actor: Actor | null;
  params: P;
  query: Q;
  body: B;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * The whole life of a REST call: authenticate → authorize (role) → parse params, query, body
 * (400 naming the field) → domain function → JSON. AppErrors become `{"error": {...}}`.
 */
export function apiRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  operation: Operation<P, Q, B>,
  handler: (context: ApiContext<Infer<P>, Infer<Q>, Infer<B>>) => Promise<unknown>,
) {
  return async (request: Request, routeContext: RouteContext): Promise<Response> => {
    try {
      // A public operation (role null) reads no credentials: its caller, e.g. a station uploading diagnostics, has none.
      const actor = operation.role ? await authenticateRequest(request) : null;
      if (operation.role) {
        if (!actor) return errorResponse(401, 'unauthorized', 'Authentication required: send Authorization: Bearer <token> or sign in');
        if (!roleAllows(actor.role, operation.role)) {
          return errorResponse(403, 'forbidden', `This needs the ${operation.role} role; you have ${actor.role}`);
        }
      }
      const params = operation.params?.safeParse(await routeContext.params);
      if (params && !params.success) return validationErrorResponse(params.error, 'params');
      const query = operation.query?.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (query && !query.success) return validationErrorResponse(query.error, 'query');
      let body: z.ZodSafeParseResult<unknown> | undefined;
      if (operation.body) {
        const raw = await request.text();
        let json: unknown;
        try {
          json = raw.trim() === '' ? undefined : JSON.parse(raw);
        } catch {
          return errorResponse(400, 'invalid_json', 'The request body is not valid JSON');
        }
        body = operation.body.safeParse(json);
        if (!body.success) return validationErrorResponse(body.error, 'body');
      }
      const result = await handler({
        request,
        db: getDb(),
        actor,
        params: params?.data as Infer<P>,
        query: query?.data as Infer<Q>,
        body: body?.data as Infer<B>,
      });
      if (result instanceof Response) return result;
      if (result === undefined) return new NextResponse(null, { status: 204 });
      return NextResponse.json(result, { status: operation.responseStatus ?? 200 });
    } catch (error) {
      return appErrorResponse(error);
    }
  };
}

/** Actor of an authenticated operation (apiRoute guarantees it when `role` is set). */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new Error('apiRoute: operation without a role has no actor');
  return actor;
}
