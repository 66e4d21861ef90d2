import { describe, expect, it } from 'vitest';
import { decodeResponse } from './test-exchange.ts';

describe('problem-details', () => {
  it('takes the code from the problem type when the API adds no code member', () => {
    const error = decodeResponse(403, { type: 'https://api.example.org/problems/out-of-credit', title: 'You do not have enough credit.', detail: 'Your balance is 30, but that costs 50.' }, { mime: 'application/problem+json' });
    expect(error?.format).toBe('problem-details');
    expect(error?.code).toBe('out-of-credit');
    expect(error?.message).toBe('Your balance is 30, but that costs 50.');
  });

  it('recognizes a problem served as plain JSON from its members, and ignores members of the wrong type', () => {
    const error = decodeResponse(404, { type: 'https://example.net/not-found', title: 'Missing', status: '404', detail: 42, instance: 'urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427' });
    expect(error?.format).toBe('problem-details');
    expect(error?.title).toBe('Missing');
    expect(error?.message).toBe('Missing');
    expect(error?.requestId).toBe('urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427');
  });

  it('never offers about:blank as documentation', () => {
    const error = decodeResponse(400, { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'nope' }, { mime: 'application/problem+json' });
    expect(error?.docsUrl).toBeNull();
    expect(error?.code).toBeNull();
  });

  it('does not call a lone `detail` (DRF) or a string `status` (SCIM) a problem', () => {
    expect(decodeResponse(400, { detail: 'Not found.' })?.format).not.toMatch(/problem/);
    expect(decodeResponse(409, { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '409', detail: 'User exists' })?.format).not.toMatch(/problem/);
  });

  it('reads field errors from an ASP.NET map whose keys are hostile', () => {
    const body = '{"title":"One or more validation errors occurred.","status":400,"errors":{"__proto__":["bad proto"],"constructor":["bad ctor"],"":["A non-empty request body is required."]},"traceId":"00-ab-cd-00"}';
    const error = decodeResponse(400, body, { mime: 'application/problem+json' });
    expect(error?.format).toBe('aspnet-problem');
    expect(error?.fieldErrors).toEqual([
      { path: '__proto__', message: 'bad proto' },
      { path: 'constructor', message: 'bad ctor' },
      { path: '', message: 'A non-empty request body is required.' },
    ]);
    expect(({} as Record<string, unknown>)['0']).toBeUndefined();
  });

  it('keeps at most 100 field errors from a huge errors array', () => {
    const errors = Array.from({ length: 50_000 }, (_, i) => ({ pointer: `#/items/${i}`, detail: 'invalid' }));
    const error = decodeResponse(422, { type: 'https://example.net/invalid', title: 'Invalid', status: 422, errors }, { mime: 'application/problem+json' });
    expect(error?.fieldErrors).toHaveLength(100);
    expect(error?.fieldErrors[99]).toEqual({ path: '#/items/99', message: 'invalid' });
  });

  it('reports Spring only when `instance` is the request path and the type is blank', () => {
    const body = { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Invalid request content.', instance: '/v1/things' };
    expect(decodeResponse(400, body, { mime: 'application/problem+json' })?.format).toBe('spring-problem');
    expect(decodeResponse(400, { ...body, instance: '/elsewhere' }, { mime: 'application/problem+json' })?.format).toBe('problem-details');
  });
});
