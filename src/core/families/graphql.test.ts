import { describe, expect, it } from 'vitest';
import { decodeResponse } from './test-exchange.ts';

describe('graphql', () => {
  it('does not report an empty errors list or plain data', () => {
    expect(decodeResponse(200, { errors: [] })).toBeNull();
    expect(decodeResponse(200, { data: { viewer: { login: 'octocat' } } })).toBeNull();
  });

  it('reads top-level code/type from older servers and flags throttling', () => {
    const error = decodeResponse(200, { data: null, errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] });
    expect(error).toMatchObject({ format: 'graphql', code: 'RATE_LIMITED', errorIn2xx: true });
  });

  it('leaves lists with foreign members or top-level siblings to their own families', () => {
    expect(decodeResponse(400, { errors: [{ code: 20429, message: 'Too Many Requests', infoUrl: 'https://www.twilio.com/docs/api/errors/20429' }] })?.format).not.toBe('graphql');
    expect(decodeResponse(422, { message: 'Validation Failed', errors: [{ message: 'x' }], documentation_url: 'https://docs.github.com/rest' })?.format).not.toBe('graphql');
  });

  it('survives wrong types and a huge errors array', () => {
    expect(decodeResponse(200, { errors: [{ message: 5 }] })).toBeNull();
    const error = decodeResponse(200, { data: null, errors: Array.from({ length: 50_000 }, () => ({ message: 'boom', path: ['a'] })) });
    expect(error?.message).toBe('boom');
  });
});
