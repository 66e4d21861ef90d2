import { describe, expect, it } from 'vitest';
import { decodeResponse } from './test-exchange.ts';

describe('twitter', () => {
  it('recognizes a v2 about:blank problem by its host, with the generic problem as runner-up', () => {
    const body = { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' };
    const error = decodeResponse(401, body, { url: 'https://api.x.com/2/users/me' });
    expect(error).toMatchObject({ format: 'twitter', title: 'Unauthorized', message: 'Unauthorized', alsoLike: 'problem-details' });
    expect(decodeResponse(401, body)?.format).toBe('problem-details');
  });

  it('does not report a plain 200 lookup, nor a v1.1-looking list in a 200', () => {
    expect(decodeResponse(200, { data: [{ id: '20', text: 'hi' }], meta: { result_count: 1 } })).toBeNull();
    expect(decodeResponse(200, { errors: [{ code: 88, message: 'Rate limit exceeded' }] })?.format).not.toBe('twitter');
  });

  it('leaves lists with other members (Twilio infoUrl) alone', () => {
    expect(decodeResponse(429, { errors: [{ code: 20429, message: 'Too Many Requests', infoUrl: 'https://www.twilio.com/docs/api/errors/20429' }] })?.format).not.toBe('twitter');
  });
});
