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
}

/** The official OCPP 1.6 JSON schemas bundled with ocpp-rpc, ids `urn:<Action>.req` / `urn:<Action>.conf`. */
export const v16Schemas = createRequire(import.meta.url)('ocpp-rpc/lib/schemas/ocpp1_6.json') as (JsonSchema & { $id: string })[];

const byId = new Map(v16Schemas.map((schema) => [schema.$id, schema]));

export function getV16RequestSchema(action: string): JsonSchema | undefined {
  return byId.get(`urn:${action}.req`);
}
