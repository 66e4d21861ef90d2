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

  it('tells the user to sign in again when a refresh request itself is refused, never to use the refresh token', () => {
    const refused = (status: number, body: object, requestBody: string) =>
      analyze({ ...base, method: 'POST', url: 'https://id.example.test/oauth/token', status, requestBody, body: { text: JSON.stringify(body) } }).error?.advice ?? '';
    const form = 'grant_type=refresh_token&refresh_token=8xLOxBtZp8&client_id=app';
    // Keycloak (keycloak.discourse.group/t/…/15900), HID ActivID (docs.hidglobal.com … refresh-token-error-responses.htm),
    // Okta (support.okta.com … the-refresh-token-is-invalid-or-expired) and Auth0, which answers 403 with a JSON request
    // body (support.auth0.com … 403-unknown-or-invalid-refresh-token).
    for (const advice of [
      refused(400, { error: 'invalid_grant', error_description: 'Token is not active' }, form),
      refused(400, { error_description: 'Invalid grant:No such session: ', error: 'invalid_grant' }, form),
      refused(400, { error: 'invalid_grant', error_description: 'The refresh token is invalid or expired.' }, form),
      refused(403, { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' }, '{"grant_type": "refresh_token", "client_id": "app", "refresh_token": "v1.M"}'),
    ]) {
      expect(advice).toMatch(/sign in again/);
      expect(advice).not.toMatch(/use the refresh token/);
    }
    // The same answer to an authorization-code exchange is not about a refresh token.
    expect(refused(400, { error: 'invalid_grant', error_description: 'Token is not active' }, 'grant_type=authorization_code&code=abc')).not.toMatch(/refresh token is no longer valid/);
  });

  it('reads the reset of a key=value message as the delay and names the quota period in the advice', () => {
    // Allo (help.withallo.com/en/api-reference/guides/rate-limits, Rate Limit Response).
    const body = (message: string) => ({ text: JSON.stringify({ code: 'API_KEY_QUOTA_EXCEEDED', details: [{ message, field: 'DAILY' }] }) });
    const { error } = analyze({ ...base, status: 429, body: body('limit=1000;type=DAILY;reset_in=3600') });
    expect(error?.retry).toMatchObject({ retryable: true, afterMs: 3_600_000, source: 'message-text', exact: false });
    expect(error?.advice).toMatch(/^The daily quota is used up and resets within the hour\. Wait until the retry countdown ends/);
    // Without a reset member the same message states no delay.
    expect(analyze({ ...base, status: 429, body: body('limit=1000;type=DAILY') }).error?.retry.afterMs).toBe(null);
  });
});
