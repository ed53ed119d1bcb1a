import { errorResponse } from '@/lib/api/error-response';

/** Anything under /api/v1 that no route matches: JSON, never the HTML 404 page. */
function notFound(request: Request) {
  const { pathname } = new URL(request.url);
  return errorResponse(404, 'not_found', `No API route ${request.method} ${pathname}; see /api/v1/openapi.json`);
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
