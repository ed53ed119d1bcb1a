/**
 * CALLERROR codes of OCPP-J 1.6 (§4.2.3, table "Valid Error Codes"), spelled as in 1.6: the errata
 * sheet (§5.1, §5.2 "known issues that will not be fixed") keeps `FormationViolation` and
 * `OccurenceConstraintViolation`; the corrected spellings belong to OCPP 2.x.
 */
export const v16ErrorCodes = [
  'NotImplemented',
  'NotSupported',
  'InternalError',
  'ProtocolError',
  'SecurityError',
  'FormationViolation',
  'PropertyConstraintViolation',
  'OccurenceConstraintViolation',
  'TypeConstraintViolation',
  'GenericError',
] as const;
export type V16ErrorCode = (typeof v16ErrorCodes)[number];
const valid = new Set<string>(v16ErrorCodes);

/**
 * Which 1.6 code a failed JSON-schema keyword means (§4.2.3): a wrong JSON type or date-time is a
 * type constraint; a missing field or wrong item count an occurrence constraint; a value outside
 * its enum, length or range a property constraint; an unexpected field breaks the PDU structure.
 */
const byKeyword: Record<string, V16ErrorCode> = {
  type: 'TypeConstraintViolation',
  format: 'TypeConstraintViolation',
  required: 'OccurenceConstraintViolation',
  minItems: 'OccurenceConstraintViolation',
  maxItems: 'OccurenceConstraintViolation',
  minProperties: 'OccurenceConstraintViolation',
  maxProperties: 'OccurenceConstraintViolation',
  enum: 'PropertyConstraintViolation',
  const: 'PropertyConstraintViolation',
  pattern: 'PropertyConstraintViolation',
  maxLength: 'PropertyConstraintViolation',
  minLength: 'PropertyConstraintViolation',
  maximum: 'PropertyConstraintViolation',
  minimum: 'PropertyConstraintViolation',
  exclusiveMaximum: 'PropertyConstraintViolation',
  exclusiveMinimum: 'PropertyConstraintViolation',
  multipleOf: 'PropertyConstraintViolation',
};

export function errorCodeForSchemaKeyword(keyword: string | undefined): V16ErrorCode {
  return (keyword && byKeyword[keyword]) || 'FormationViolation';
}

/**
 * ocpp-rpc speaks OCPP 2.x codes in places (RpcFrameworkError for a frame that is not JSON or not
 * an OCPP-J array, MessageTypeNotSupported, and it respells OccurenceConstraintViolation for 1.6).
 * This maps any code to the 1.6 table.
 */
export function toV16ErrorCode(code: string): V16ErrorCode {
  if (valid.has(code)) return code as V16ErrorCode;
  switch (code) {
    case 'OccurrenceConstraintViolation':
      return 'OccurenceConstraintViolation';
    case 'FormatViolation':
    case 'RpcFrameworkError':
      return 'FormationViolation';
    case 'MessageTypeNotSupported':
      return 'ProtocolError';
    default:
      return 'GenericError';
  }
}

/** Rewrites the error code of an outgoing CALLERROR frame `[4, id, code, description, details]`. */
export function toV16CallErrorFrame(frame: string): string {
  if (!frame.startsWith('[4,')) return frame;
  try {
    const message = JSON.parse(frame) as unknown[];
    const code = message[2];
    if (typeof code !== 'string' || valid.has(code)) return frame;
    message[2] = toV16ErrorCode(code);
    return JSON.stringify(message);
  } catch {
    return frame;
  }
}
