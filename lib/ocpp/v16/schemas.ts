import { createRequire } from 'node:module';

/** A JSON schema node of the official OCPP 1.6 schemas (draft-07, the subset they use). */
export interface JsonSchema {
  $id?: string;
  type?: string;
  enum?: string[];
  format?: string;
  maxLength?: number;
  multipleOf?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean;
  /** Only local references (`#/definitions/X`), used by the Security Whitepaper messages. */
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
}

/** The official OCPP 1.6 JSON schemas bundled with ocpp-rpc, ids `urn:<Action>.req` / `urn:<Action>.conf`. */
export const v16Schemas = createRequire(import.meta.url)('ocpp-rpc/lib/schemas/ocpp1_6.json') as (JsonSchema & { $id: string })[];

/** The schema with its local `$ref`s replaced by their definitions, for code that walks it by hand. */
function inlineLocalRefs(node: JsonSchema, definitions: Record<string, JsonSchema>): JsonSchema {
  const target = node.$ref?.startsWith('#/definitions/') ? definitions[node.$ref.slice('#/definitions/'.length)] : undefined;
  const resolved: JsonSchema = target ? { ...target, ...node, $ref: undefined } : { ...node };
  if (resolved.properties) {
    resolved.properties = Object.fromEntries(Object.entries(resolved.properties).map(([key, value]) => [key, inlineLocalRefs(value, definitions)]));
  }
  if (resolved.items) resolved.items = inlineLocalRefs(resolved.items, definitions);
  return resolved;
}

// ajv gets the schemas as published (v16Schemas); this map holds the inlined copies.
const byId = new Map(v16Schemas.map((schema) => [schema.$id, inlineLocalRefs(schema, schema.definitions ?? {})]));

export function getV16RequestSchema(action: string): JsonSchema | undefined {
  return byId.get(`urn:${action}.req`);
}
