import { describe, expect, it } from 'vitest';
import { decodeResponse } from './test-exchange.ts';

describe('odata', () => {
  it('reports the deepest innererror code as the subcode', () => {
    const error = decodeResponse(400, { error: { code: 'BadArgument', message: 'Bad', innererror: { code: 'A', innererror: { code: 'B', innererror: { code: 'C' } } } } });
    expect(error?.format).toBe('odata');
    expect(error?.code).toBe('BadArgument');
    expect(error?.subcode).toBe('C');
  });

  it('stays bounded on an innererror chain 10 000 deep', () => {
    const body = '{"error":{"code":"Deep","message":"deep","innererror":' + '{"code":"X","innererror":'.repeat(10_000) + '{}' + '}'.repeat(10_000) + '}}';
    const error = decodeResponse(500, body);
    expect(error?.format).toBe('odata');
    expect(error?.subcode).toBe('X');
  });

  it('leaves snake_case and UPPER_SNAKE codes without OData members to the generic envelopes', () => {
    expect(decodeResponse(400, { error: { code: 'VALIDATION_ERROR', message: 'Some fields are invalid' } })?.format).not.toBe('odata');
    expect(decodeResponse(400, { error: { code: 'not_found', message: 'nope' } })?.format).not.toBe('odata');
    expect(decodeResponse(400, { error: { code: 'invalid_request_error', message: 'x', type: 'invalid_request_error', param: null } })?.format).not.toBe('odata');
  });

  it('uses the top-level target as the field when no details name one', () => {
    const error = decodeResponse(400, { error: { code: 'InvalidValue', message: 'Display name is required.', target: 'displayName' } });
    expect(error?.fieldErrors).toEqual([{ path: 'displayName', message: 'Display name is required.' }]);
  });
});
