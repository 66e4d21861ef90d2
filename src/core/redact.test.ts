import { describe, expect, it } from 'vitest';
import { isSecretName } from './redact/names.ts';
import { REDACTED, redactBody, redactHeaderValue, redactHeaders, redactUrl } from './redact.ts';

const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('redactHeaderValue', () => {
  it('keeps the auth scheme but hides the credential', () => {
    expect(redactHeaderValue('Authorization', 'Bearer sk-proj-abc123')).toBe(`Bearer ${REDACTED}`);
    expect(redactHeaderValue('authorization', 'Basic dXNlcjpwYXNz')).toBe(`Basic ${REDACTED}`);
    expect(redactHeaderValue('Authorization', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a')).toBe(REDACTED);
  });

  it('keeps cookie names and hides their values', () => {
    expect(redactHeaderValue('Cookie', 'session=abc; theme=dark')).toBe(`session=${REDACTED}; theme=${REDACTED}`);
    expect(redactHeaderValue('Set-Cookie', 'id=a3fWa; Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly')).toBe(
      `id=${REDACTED}; Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly`,
    );
  });

  it('hides any header whose name says it carries a key, token, secret or auth', () => {
    for (const name of ['x-api-key', 'X-API-KEY', 'apikey', 'X-Auth-Token', 'x-csrf-token', 'X-Client-Secret', 'anthropic-api-key']) {
      expect(redactHeaderValue(name, 'sk-ant-api03-secret')).toBe(REDACTED);
    }
  });

  it('keeps safe headers except known token formats, and hides every header it does not know', () => {
    expect(redactHeaderValue('Content-Type', 'application/json')).toBe('application/json');
    expect(redactHeaderValue('X-Request-Id', `req ${jwt}`)).toBe(`req ${REDACTED}`);
    expect(redactHeaderValue('X-Forwarded-Assertion', 'anything')).toBe(REDACTED);
  });

  it('redacts a whole header list', () => {
    expect(redactHeaders([{ name: 'Accept', value: '*/*' }, { name: 'Authorization', value: 'Bot MTk4NjIy' }])).toEqual([
      { name: 'Accept', value: '*/*' },
      { name: 'Authorization', value: `Bot ${REDACTED}` },
    ]);
  });
});

describe('redactUrl', () => {
  it('hides secret query parameters and keeps the rest byte for byte', () => {
    expect(redactUrl('https://generativelanguage.googleapis.com/v1beta/models?key=AIzaSyA-123&pageSize=5')).toBe(
      `https://generativelanguage.googleapis.com/v1beta/models?key=${REDACTED}&pageSize=5`,
    );
    expect(redactUrl('https://x.test/cb?access_token=t&state=a%20b&api_key=k&X-Amz-Signature=f00&password=p')).toBe(
      `https://x.test/cb?access_token=${REDACTED}&state=a%20b&api_key=${REDACTED}&X-Amz-Signature=${REDACTED}&password=${REDACTED}`,
    );
  });

  it('hides a userinfo password and JWTs anywhere in the URL', () => {
    expect(redactUrl('https://user:hunter2@api.test/v1')).toBe(`https://user:${REDACTED}@api.test/v1`);
    expect(redactUrl(`https://api.test/v1/${jwt}/x?next=${jwt}#t=${jwt}`)).toBe(`https://api.test/v1/${REDACTED}/x?next=${REDACTED}#t=${REDACTED}`);
  });

  it('does not touch a URL without secrets', () => {
    const url = 'https://api.hostup.se/api/v2/vps/vps_abc123?page=2&sort=name#top';
    expect(redactUrl(url)).toBe(url);
  });
});

describe('redactBody', () => {
  it('hides secret members of a JSON body and keeps its formatting', () => {
    const body = '{\n  "email": "a@b.test",\n  "password": "p\\"w",\n  "client_secret" : "s",\n  "code": "invalid"\n}';
    expect(redactBody(body, 'application/json')).toBe(
      `{\n  "email": "a@b.test",\n  "password": "${REDACTED}",\n  "client_secret" : "${REDACTED}",\n  "code": "invalid"\n}`,
    );
  });

  it('hides secret fields of a form body', () => {
    expect(redactBody('grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&client_id=app', 'application/x-www-form-urlencoded')).toBe(
      `grant_type=authorization_code&code=${REDACTED}&client_id=app`,
    );
  });

  it('hides JWTs in any body', () => {
    expect(redactBody(`{"query":"{ me { id } }","variables":{"t":"${jwt}"}}`)).toBe(`{"query":"{ me { id } }","variables":{"t":"${REDACTED}"}}`);
  });

  it('stays linear and never throws on hostile bodies (unclosed escapes, endless JWT prefixes, an 800 KB form, deep nesting, broken markup)', () => {
    for (const hostile of [`{"a":"${'\\"'.repeat(50_000)}`, 'eyJa-'.repeat(50_000), `"password":${'"x":'.repeat(50_000)}`, 'a=1&'.repeat(200_000), '['.repeat(100_000), '<a x="'.repeat(100_000)]) {
      const started = performance.now();
      redactBody(hostile);
      expect(performance.now() - started).toBeLessThan(500);
    }
  });
});

describe('names are never redacted, and only names that hold a secret lose their value', () => {
  it.each([
    ['access_token', 'param', true], ['refresh_token', 'member', true], ['api_key', 'member', true], ['apiKey', 'member', true],
    ['X-Amz-Signature', 'param', true], ['client_secret', 'member', true], ['passphrase', 'member', true], ['private_key', 'member', true],
    ['password_confirmation', 'member', true], ['newPassword', 'member', true], ['code', 'param', true], ['key', 'param', true],
    ['max_tokens', 'member', false], ['token_type', 'member', false], ['tokens_used', 'member', false], ['password_policy', 'member', false],
    ['signature_method', 'param', false], ['private_key_id', 'member', false], ['expires_in', 'member', false], ['code', 'member', false],
    ['key', 'member', false], ['state', 'param', false], ['secret_name', 'member', false],
  ] as const)('%s (%s) → secret: %s', (name, context, secret) => {
    expect(isSecretName(name, context)).toBe(secret);
  });

  it('keeps a validation error about the password field readable', () => {
    const body = '{"errors":{"password":["is too short"],"password_confirmation":"does not match"},"max_tokens":4096}';
    expect(redactBody(body, 'application/json')).toBe(body);
  });

  it('keeps rate-limit headers with "tokens" in the name and WWW-Authenticate', () => {
    for (const [name, value] of [['x-ratelimit-remaining-tokens', '0'], ['anthropic-ratelimit-output-tokens-reset', '2026-11-22T12:06:00Z'], ['WWW-Authenticate', 'Bearer error="invalid_token"']] as const) {
      expect(redactHeaderValue(name, value)).toBe(value);
    }
  });
});

describe('one URL sanitizer for every form of URL', () => {
  it.each([
    ['https://user:p@ss@api.test/x', `https://user:${REDACTED}@api.test/x`],
    ['https://ghp_Fl7tA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6@github.com/o/r.git', `https://${REDACTED}@github.com/o/r.git`],
    ['/v1/x?key=abc&page=2', `/v1/x?key=${REDACTED}&page=2`],
    ['https://app.test/cb#access_token=abc&token_type=bearer', `https://app.test/cb#access_token=${REDACTED}&token_type=bearer`],
    ['https://app.test/shop;jsessionid=0AB12CD?x=1', `https://app.test/shop;jsessionid=${REDACTED}?x=1`],
    ['https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX', `https://hooks.slack.com/services/T000/B000/${REDACTED}`],
    ['https://api.test/v1/vps/vps_abc123?page=2&sort=name#top', 'https://api.test/v1/vps/vps_abc123?page=2&sort=name#top'],
  ])('%s', (url, sanitized) => {
    expect(redactUrl(url)).toBe(sanitized);
  });
});
