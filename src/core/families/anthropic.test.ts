import { describe, expect, it } from 'vitest';
import { decodeResponse } from './test-exchange.ts';

describe('anthropic', () => {
  it('reads the error type as the code and request_id as the request id', () => {
    const error = decodeResponse(400, { type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: Field required' }, request_id: 'req_011CS' });
    expect(error).toMatchObject({ format: 'anthropic', code: 'invalid_request_error', message: 'max_tokens: Field required', requestId: 'req_011CS' });
  });

  it('needs type "error" and an error object with type and message', () => {
    expect(decodeResponse(400, { type: 'error', error: 'overloaded' })?.format).not.toBe('anthropic');
    expect(decodeResponse(400, { type: 'failure', error: { type: 'x', message: 'y' } })?.format).not.toBe('anthropic');
  });
});
