import { describe, expect, it } from 'vitest';
import { decodeResponse } from './test-exchange.ts';

describe('openai', () => {
  it('needs all four keys, even when null', () => {
    expect(decodeResponse(400, { error: { message: 'Invalid model', type: 'invalid_request_error', param: 'model', code: 'model_not_found' } })?.format).toBe('openai');
    expect(decodeResponse(400, { error: { message: 'Invalid model', type: 'invalid_request_error' } })?.format).not.toBe('openai');
  });

  it('says insufficient_quota is not worth retrying even as a 429', () => {
    const error = decodeResponse(429, { error: { message: 'You exceeded your current quota.', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } });
    expect(error?.code).toBe('insufficient_quota');
    expect(error?.retry.retryable).toBe(false);
  });

  it('keeps the type as the subcode of a code', () => {
    const error = decodeResponse(429, { error: { message: 'Rate limit reached', type: 'requests', param: null, code: 'rate_limit_exceeded' } });
    expect(error?.subcode).toBe('requests');
  });
});
