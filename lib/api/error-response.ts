import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { AppError } from '../errors';

export function errorResponse(status: number, code: string, message: string, field?: string): NextResponse {
  return NextResponse.json({ error: field ? { code, message, field } : { code, message } }, { status });
}

/** The first zod issue as a 400 that names the field, e.g. `role: must be one of admin, operator, viewer`. */
export function validationErrorResponse(error: z.ZodError, where: 'body' | 'query' | 'params'): NextResponse {
  const issue = error.issues[0]!;
  const field = issue.path.map(String).join('.') || undefined;
  const message = field ? `${field}: ${issue.message}` : `${where}: ${issue.message}`;
  return errorResponse(400, 'invalid_request', message, field);
}

export function appErrorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) return errorResponse(error.status, error.code, error.message, error.field);
  console.error('[api] unexpected error', error);
  return errorResponse(500, 'internal_error', 'Something went wrong on our side; the error was logged');
}
