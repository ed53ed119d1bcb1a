import { z } from 'zod';
import type { Operation } from './operation';

type JsonSchema = { properties?: Record<string, unknown>; required?: string[]; [key: string]: unknown };

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  void _dialect;
  return rest;
};

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string', description: 'the offending field' } },
    },
  },
};
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

function operationObject(operation: Operation) {
  const status = String(operation.responseStatus ?? 200);
  const responses: Record<string, unknown> = {
    [status]: operation.response
      ? { description: 'OK', content: { 'application/json': { schema: toSchema(operation.response, 'output') } } }
      : { description: 'Done, no content' },
  };
  if (operation.params || operation.query || operation.body) responses['400'] = errorResponse('Invalid input; `field` names what is wrong');
  if (operation.role) {
    responses['401'] = errorResponse('No or invalid credentials');
    responses['403'] = errorResponse(`Needs the ${operation.role} role`);
  }
  for (const [code, description] of Object.entries(operation.errors ?? {})) responses[code] = errorResponse(description);
  return {
    summary: operation.summary,
    tags: [operation.tag],
    ...(operation.role ? { description: `Minimum role: **${operation.role}**.` } : { security: [] }),
    parameters: [...parameters(operation.params, 'path'), ...parameters(operation.query, 'query')],
    ...(operation.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(operation.body, 'input') } } } } : {}),
    responses,
  };
}

/** OpenAPI 3.1 (JSON Schema 2020-12) generated from the same zod schemas the routes parse with. */
export function buildOpenApiDocument(operations: Operation[], serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = operationObject(operation);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'CSMS REST API',
      version: '1',
      description: 'Charging management system. Authenticate with `Authorization: Bearer <token>` (create one with `npm run cli -- token create`) or a browser session. Errors are `{"error": {"code", "message", "field"?}}`.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: errorBody },
    },
    paths,
  };
}
