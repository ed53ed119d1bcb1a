import { getV16RequestSchema, type JsonSchema } from '../ocpp/v16/schemas';
import { commandActions, type CommandAction } from './command-catalog';

export interface PayloadTemplate {
  /** A request with every required field filled with a placeholder of the right type. */
  example: Record<string, unknown>;
  /** Optional top-level fields, with their type, to add by hand. */
  optional: string[];
}

/** Templates for the inspector's "send any action" form, built from the official 1.6 request schemas. */
export function payloadTemplates(): Record<CommandAction, PayloadTemplate> {
  return Object.fromEntries(commandActions.map((action) => [action, payloadTemplate(action)])) as Record<CommandAction, PayloadTemplate>;
}

export function payloadTemplate(action: CommandAction): PayloadTemplate {
  const schema = getV16RequestSchema(action) ?? {};
  const required = new Set(schema.required ?? []);
  return {
    example: placeholder(schema) as Record<string, unknown>,
    optional: Object.entries(schema.properties ?? {})
      .filter(([name]) => !required.has(name))
      .map(([name, property]) => `${name}: ${describe(property)}`),
  };
}

function placeholder(schema: JsonSchema): unknown {
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((name) => [name, placeholder(schema.properties?.[name] ?? {})]));
    case 'array':
      return schema.items?.type === 'object' ? [placeholder(schema.items)] : [];
    case 'integer':
      return 1;
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'string':
      return schema.format === 'date-time' ? '2030-01-01T00:00:00Z' : '';
    default:
      return null;
  }
}

function describe(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.join(' | ');
  if (schema.type === 'array') return `${describe(schema.items ?? {})}[]`;
  if (schema.type === 'string' && schema.format) return schema.format;
  return schema.type ?? 'any';
}
