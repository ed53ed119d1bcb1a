import type { z } from 'zod';
import type { Role } from '../db/schema';

/**
 * One REST operation, declared once: the route handler parses with these schemas and the
 * OpenAPI document is generated from the same objects, so docs and behaviour cannot drift.
 */
export interface Operation<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  /** Minimum role; `null` means public (no credentials needed). */
  role: Role | null;
  params?: P;
  query?: Q;
  body?: B;
  response?: z.ZodType;
  responseStatus?: number;
  /** Extra error responses worth documenting beyond 400/401/403. */
  errors?: Record<number, string>;
}

export function defineOperation<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  operation: Operation<P, Q, B>,
): Operation<P, Q, B> {
  return operation;
}
