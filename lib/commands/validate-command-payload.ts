import { createStrictValidatorV16 } from '../ocpp/v16/strict-validator';
import { getV16RequestSchema, type JsonSchema } from '../ocpp/v16/schemas';
import { badRequest } from '../errors';
import type { CommandAction } from './command-catalog';

interface SchemaError {
  keyword?: string;
  instancePath?: string;
  message?: string;
}

let validator: ReturnType<typeof createStrictValidatorV16> | undefined;

/**
 * Checks a command payload against the official OCPP 1.6 request schema with the very validator
 * the OCPP server uses (so both agree), before anything is queued. Throws a 400 naming the field,
 * e.g. `type: must be equal to one of the allowed values (Hard, Soft)`.
 */
export function validateCommandPayload(action: CommandAction, payload: unknown): void {
  validator ??= createStrictValidatorV16();
  try {
    validator.validate(`urn:${action}.req`, payload);
  } catch (error) {
    const first = (error as { details?: { errors?: SchemaError[] } }).details?.errors?.[0];
    if (!first) throw badRequest(`payload: ${(error as Error).message}`, 'payload');
    const { field, message } = describeSchemaError(action, payload, first);
    throw badRequest(`${field}: ${message}`, field);
  }
}

/** Names the offending field: the path of the error, plus the property a `required` or `additionalProperties` is about. */
function describeSchemaError(action: CommandAction, payload: unknown, error: SchemaError): { field: string; message: string } {
  const path = (error.instancePath ?? '').split('/').filter(Boolean);
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'required') {
    const missing = /'([^']+)'/.exec(message)?.[1];
    if (missing) path.push(missing);
    message = 'is required';
  } else if (error.keyword === 'additionalProperties') {
    const extra = unknownProperty(getV16RequestSchema(action), payload, path);
    if (extra) path.push(extra);
    message = 'is not a field of this OCPP 1.6 message';
  } else if (error.keyword === 'enum') {
    const allowed = schemaAt(getV16RequestSchema(action), path)?.enum;
    if (allowed) message = `${message} (${allowed.join(', ')})`;
  }
  return { field: path.length > 0 ? path.join('.') : 'payload', message };
}

function schemaAt(schema: JsonSchema | undefined, path: string[]): JsonSchema | undefined {
  let node = schema;
  for (const segment of path) node = /^\d+$/.test(segment) ? node?.items : node?.properties?.[segment];
  return node;
}

function unknownProperty(schema: JsonSchema | undefined, payload: unknown, path: string[]): string | undefined {
  let value = payload as Record<string, unknown> | undefined;
  for (const segment of path) value = value?.[segment] as Record<string, unknown> | undefined;
  const known = schemaAt(schema, path)?.properties ?? {};
  return value && typeof value === 'object' ? Object.keys(value).find((key) => !(key in known)) : undefined;
}
