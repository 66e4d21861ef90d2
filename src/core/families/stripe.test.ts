import { describe, expect, it } from 'vitest';
import { decodeResponse } from './test-exchange.ts';

describe('stripe', () => {
  it('turns form-style params into pointers and reads decline_code as the subcode', () => {
    const error = decodeResponse(402, {
      error: { type: 'card_error', code: 'card_declined', decline_code: 'stolen_card', message: 'Your card was declined.', param: 'items[0][price]', doc_url: 'https://docs.stripe.com/error-codes/card-declined' },
    });
    expect(error?.format).toBe('stripe');
    expect(error?.subcode).toBe('stolen_card');
    expect(error?.fieldErrors[0]?.path).toBe('/items/0/price');
  });

  it('recognizes a bare Stripe error from its req_ Request-Id header', () => {
    const body = { error: { type: 'invalid_request_error', message: 'No such customer: cus_x' } };
    expect(decodeResponse(404, body, { headers: { 'Request-Id': 'req_abc' } })?.format).toBe('stripe');
    expect(decodeResponse(404, body)?.format).not.toBe('stripe');
  });

  it('does not claim OpenAI or Anthropic bodies that share its type names', () => {
    expect(decodeResponse(400, { error: { message: 'x', type: 'invalid_request_error', param: null, code: null } })?.format).toBe('openai');
    expect(decodeResponse(429, { type: 'error', error: { type: 'rate_limit_error', message: 'x' } }, { headers: { 'request-id': 'req_011' } })?.alsoLike).not.toBe('stripe');
  });
});
