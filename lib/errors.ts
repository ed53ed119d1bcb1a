/**
 * The one error type the domain throws on purpose. Route handlers map it to
 * `{"error": {"code", "message", "field"?}}` with `status`; pages show `message`.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, field?: string) => new AppError(400, 'invalid_request', message, field);
export const unauthorized = (message = 'Authentication required') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'Your role does not allow this') => new AppError(403, 'forbidden', message);
export const notFound = (message = 'Not found') => new AppError(404, 'not_found', message);
export const conflict = (code: string, message: string, field?: string) => new AppError(409, code, message, field);
export const tooManyRequests = (message: string) => new AppError(429, 'rate_limited', message);
