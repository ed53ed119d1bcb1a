import { createRPCError, createValidator, type RPCError } from 'ocpp-rpc';
import { errorCodeForSchemaKeyword } from './call-error-codes';
import { v16Schemas as schemas } from './schemas';

type Validator = ReturnType<typeof createValidator>;
interface SchemaError {
  keyword?: string;
  instancePath?: string;
  message?: string;
}

/**
 * The official OCPP 1.6 JSON schemas (bundled with ocpp-rpc), with the CALLERROR codes chosen by
 * OCPP-J 1.6 §4.2.3 instead of the library's, and error details that do not echo the payload back.
 * Actions without a schema pass, so the handler table answers NotImplemented/NotSupported for them.
 */
export function createStrictValidatorV16(): Validator {
  const inner = createValidator('ocpp1.6', schemas);
  const known = new Set(schemas.map((schema) => schema.$id));
  const validator = {
    subprotocol: 'ocpp1.6',
    validate(schemaId: string, params: unknown) {
      if (!known.has(schemaId)) return true;
      if (params === null || typeof params !== 'object' || Array.isArray(params)) {
        // §4.2.1: a CALL is [2, id, action, payload] and the payload is a JSON object.
        const code = params === undefined ? 'ProtocolError' : 'FormationViolation';
        throw createRPCError(code, params === undefined ? 'Payload is missing' : 'Payload must be a JSON object', {});
      }
      try {
        return inner.validate(schemaId, params);
      } catch (error) {
        const errors = ((error as RPCError & { details?: { errors?: SchemaError[] } }).details?.errors ?? []).slice(0, 5);
        const first = errors[0];
        const message = first ? `${first.instancePath || '/'} ${first.message ?? 'is invalid'}` : 'Payload is invalid';
        throw createRPCError(errorCodeForSchemaKeyword(first?.keyword), message, {
          errors: errors.map(({ keyword, instancePath, message: text }) => ({ keyword, instancePath, message: text })),
        });
      }
    },
  };
  return validator as unknown as Validator;
}
