import { describe, expect, it } from 'vitest';
import { decodeResponse } from './test-exchange.ts';

describe('jsonrpc', () => {
  it('names implementation-defined server errors', () => {
    const error = decodeResponse(200, { jsonrpc: '2.0', id: 1, error: { code: -32005, message: 'limit exceeded' } });
    expect(error).toMatchObject({ format: 'jsonrpc', code: '-32005', title: 'Server error', message: 'limit exceeded', errorIn2xx: true });
  });

  it('does not report results, other versions or non-integer codes', () => {
    expect(decodeResponse(200, { jsonrpc: '2.0', id: 1, result: '0x1' })).toBeNull();
    expect(decodeResponse(200, [{ jsonrpc: '2.0', id: 1, result: '0x1' }])).toBeNull();
    expect(decodeResponse(200, { jsonrpc: '1.0', id: 1, error: { code: -32601, message: 'x' } })).toBeNull();
    expect(decodeResponse(200, { jsonrpc: '2.0', id: 1, error: { code: '-32601', message: 'x' } })).toBeNull();
  });
});
