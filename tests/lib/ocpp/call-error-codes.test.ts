import { describe, expect, it } from 'vitest';
import { errorCodeForSchemaKeyword, toV16CallErrorFrame, toV16ErrorCode } from '@/lib/ocpp/v16/call-error-codes';
import { parseOcppPath, parseStationIdentity } from '@/lib/ocpp/station-identity';
import { negotiateProtocol } from '@/lib/ocpp/protocols';

describe('OCPP 1.6 CALLERROR codes', () => {
  it('keeps the 1.6 spellings (errata §5.1, §5.2)', () => {
    expect(toV16ErrorCode('OccurrenceConstraintViolation')).toBe('OccurenceConstraintViolation');
    expect(toV16ErrorCode('FormatViolation')).toBe('FormationViolation');
    expect(toV16ErrorCode('RpcFrameworkError')).toBe('FormationViolation');
    expect(toV16ErrorCode('MessageTypeNotSupported')).toBe('ProtocolError');
    expect(toV16ErrorCode('Whatever')).toBe('GenericError');
    expect(toV16ErrorCode('NotImplemented')).toBe('NotImplemented');
  });

  it('maps schema keywords to the §4.2.3 meaning', () => {
    expect(errorCodeForSchemaKeyword('type')).toBe('TypeConstraintViolation');
    expect(errorCodeForSchemaKeyword('required')).toBe('OccurenceConstraintViolation');
    expect(errorCodeForSchemaKeyword('enum')).toBe('PropertyConstraintViolation');
    expect(errorCodeForSchemaKeyword('additionalProperties')).toBe('FormationViolation');
  });

  it('rewrites only CALLERROR frames with a non-1.6 code', () => {
    expect(toV16CallErrorFrame('[3,"1",{}]')).toBe('[3,"1",{}]');
    expect(toV16CallErrorFrame('[4,"1","NotImplemented","x",{}]')).toBe('[4,"1","NotImplemented","x",{}]');
    expect(JSON.parse(toV16CallErrorFrame('[4,"1","RpcFrameworkError","x",{}]'))).toEqual([4, '1', 'FormationViolation', 'x', {}]);
  });
});

describe('station identity and subprotocol', () => {
  it('accepts 1–48 printable characters, URL-decoded', () => {
    expect(parseStationIdentity('CP%2D1')).toBe('CP-1');
    expect(parseStationIdentity('X'.repeat(48))).toBe('X'.repeat(48));
    expect(parseStationIdentity('X'.repeat(49))).toBeNull();
    expect(parseStationIdentity('')).toBeNull();
    expect(parseStationIdentity('a%20b')).toBeNull();
    expect(parseStationIdentity('%ZZ')).toBeNull();
    expect(parseOcppPath('/ocpp/CP-1')).toEqual({ identity: 'CP-1' });
    expect(parseOcppPath('/ocpp/a/b')).toEqual({ identity: null });
    expect(parseOcppPath('/other/CP-1')).toBeNull();
  });

  it('negotiates ocpp1.6 only', () => {
    expect(negotiateProtocol(new Set(['ocpp2.0.1', 'ocpp1.6']))).toBe('ocpp1.6');
    expect(negotiateProtocol(new Set(['ocpp2.0.1']))).toBeUndefined();
  });
});
