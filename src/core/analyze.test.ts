import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import type { Exchange } from './exchange.ts';

const base: Exchange = {
  method: 'GET',
  url: 'https://api.example.test/v1/things',
  requestHeaders: [],
  status: 200,
  responseHeaders: [],
  body: null,
  mimeType: 'application/json',
  receivedAt: Date.UTC(2026, 10, 22),
};

describe('analyze', () => {
  it('reports a bodiless failure from its status alone, with the status phrase as message', () => {
    const { error } = analyze({ ...base, status: 503 });
    expect(error?.format).toBe('status-only');
    expect(error?.status).toBe(503);
    expect(error?.message).not.toBe('');
  });

  it('does not call a plain 200 an error', () => {
    expect(analyze({ ...base, body: { text: '{"items":[{"message":"hi","code":3}]}' } }).error).toBeNull();
  });

  it('refuses a body over the decode limit with a one-line reason, still reporting the status', () => {
    const { error } = analyze({ ...base, status: 500, body: { text: 'x'.repeat(5 * 1024 * 1024) } });
    expect(error?.status).toBe(500);
    expect(error?.bodyNote).toMatch(/over the .* limit/);
  });

  it('refuses binary base64 bodies', () => {
    const { error } = analyze({ ...base, status: 500, body: { text: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]).toString('base64'), encoding: 'base64' } });
    expect(error?.bodyNote).toMatch(/binary/);
  });

  it('treats a 202 with retry_after as pending, not an error', () => {
    const result = analyze({ ...base, status: 202, body: { text: '{"message":"Index not yet available. Try again later","code":110000,"retry_after":2}' } });
    expect(result.error).toBeNull();
    expect(result.pending?.retryAt).toBe(base.receivedAt + 2000);
  });
});

describe('errors inside a 200', () => {
  it('reports a gRPC-Web trailers-only failure carried by a 200 with no body', () => {
    const { error } = analyze({
      ...base,
      mimeType: 'application/grpc-web+proto',
      responseHeaders: [{ name: 'grpc-status', value: '14' }, { name: 'grpc-message', value: 'upstream%20connect%20error' }],
    });
    expect(error?.format).toBe('grpc-web');
    expect(error?.errorIn2xx).toBe(true);
    expect(error?.retry.retryable).toBe(true);
  });

  it('leaves a successful gRPC-Web response (grpc-status 0) alone', () => {
    expect(analyze({ ...base, responseHeaders: [{ name: 'grpc-status', value: '0' }] }).error).toBeNull();
  });
});
