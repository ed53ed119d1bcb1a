import { describe, expect, it } from 'vitest';
import { allOperations } from '@/lib/api/contracts';
import { buildOpenApiDocument } from '@/lib/api/openapi';

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument(allOperations);

  it('documents every declared operation once', () => {
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`));
    expect(documented.sort()).toEqual(allOperations.map((operation) => `${operation.method} ${operation.path}`).sort());
    expect(new Set(documented).size).toBe(documented.length);
  });

  it('derives path and query parameters and error responses from the zod schemas', () => {
    const getUser = document.paths['/api/v1/users/{id}']!.get as { parameters: unknown[]; responses: Record<string, unknown> };
    expect(getUser.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: expect.objectContaining({ type: 'string', format: 'uuid' }) }]);
    expect(Object.keys(getUser.responses).sort()).toEqual(['200', '400', '401', '403', '404']);
    const audit = document.paths['/api/v1/audit-log']!.get as { parameters: { name: string; required: boolean }[] };
    expect(audit.parameters.map((parameter) => parameter.name)).toEqual(['action', 'actor', 'targetType', 'from', 'to', 'limit']);
    expect(audit.parameters.every((parameter) => !parameter.required)).toBe(true);
  });
});
