import { describe, expect, it } from 'vitest';
import { decodeResponse } from './test-exchange.ts';

describe('jsonrpc', () => {
  it('names implementation-defined server errors', () => {
    const error = decodeResponse(200, { jsonrpc: '2.0', id: 1, error: { code: -32005, message: 'limit exceeded' } });
    expect(error).toMatchObject({ format: 'jsonrpc', code: '-32005', title: 'Server error', message: 'limit exceeded', errorIn2xx: true });
  });

  it('does not report results, and leaves other versions and non-integer codes to the general 2xx reader', () => {
    expect(decodeResponse(200, { jsonrpc: '2.0', id: 1, result: '0x1' })).toBeNull();
    expect(decodeResponse(200, [{ jsonrpc: '2.0', id: 1, result: '0x1' }])).toBeNull();
    // Still an error object in a 200: not JSON-RPC 2.0 as specified, but an error all the same.
    expect(decodeResponse(200, { jsonrpc: '1.0', id: 1, error: { code: -32601, message: 'x' } })?.format).toBe('generic-in-2xx');
    expect(decodeResponse(200, { jsonrpc: '2.0', id: 1, error: { code: '-32601', message: 'x' } })?.format).toBe('generic-in-2xx');
  });
});
