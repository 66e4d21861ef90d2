import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import type { Exchange } from './exchange.ts';
import { seedFixtures, type Fixture } from './fixtures/index.ts';
import { fixtureExchange } from './fixtures/render.ts';
import type { DecodedError } from './model.ts';
import { REDACTED } from './redact.ts';
import { supportReport } from './support-report.ts';

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);

function seed(name: string): Fixture {
  const fixture = seedFixtures.find((f) => f.name === name);
  if (fixture === undefined) throw new Error(`no seed fixture ${name}`);
  return fixture;
}

/** A seed exchange as the browser sent it: with the credentials an authenticated client carries. */
function sent(name: string, extra: Partial<Exchange> = {}): { exchange: Exchange; error: DecodedError } {
  const base = fixtureExchange(seed(name), T0, 'https://api.hostup.se');
  const exchange: Exchange = {
    ...base,
    statusText: 'Not Found',
    requestHeaders: [...base.requestHeaders, { name: 'Authorization', value: 'Bearer hu_live_9f8e7d6c5b4a' }],
    ...extra,
  };
  const { error } = analyze(exchange);
  if (error === null) throw new Error(`${name} decodes to no error`);
  return { exchange, error };
}

describe('supportReport', () => {
  it('says endpoint, status, decoded error, request id, ISO time, docs, advice and a redacted cURL (HostUp seed)', () => {
    const { exchange, error } = sent('hostup-vps-not-found');
    const report = supportReport(exchange, error);
    expect(report.split('\n').slice(0, 11)).toEqual([
      '### API error: 404 Not Found `vps_not_found`',
      '',
      '- **Endpoint:** `GET https://api.hostup.se/api/v2/vps/vps_abc123`',
      '- **Status:** 404 Not Found',
      '- **Format:** `problem-details`',
      '- **Code:** `vps_not_found`',
      '- **Title:** VPS not found',
      '- **Message:** No VPS matching the given ID was found.',
      '- **Request id:** `req_xyz789`',
      '- **Time:** 2026-11-22T12:00:00.000Z',
      '- **Docs:** <https://developer.hostup.se/errors/vps_not_found>',
    ]);
    expect(report).toContain('- **Retry:** not retryable as is');
    expect(report).toContain(`- **Advice:** ${error.advice.replace(/[\\`*_[\]<>|~#!]/g, '\\$&')}`);
    expect(report).toContain(`**Reproduce** (secrets redacted)\n\n\`\`\`bash\ncurl 'https://api.hostup.se/api/v2/vps/vps_abc123' \\\n  -H 'Authorization: Bearer ${REDACTED}'\n\`\`\``);
    expect(report).not.toContain('hu_live_9f8e7d6c5b4a');
  });

  it('puts the credentials in only when the user includes secrets', () => {
    const { exchange, error } = sent('hostup-vps-not-found', { url: 'https://api.hostup.se/api/v2/vps/vps_abc123?api_key=hu_key_123456' });
    const redacted = supportReport(exchange, error);
    expect(redacted).toContain(`api_key=${REDACTED}`);
    expect(redacted).not.toContain('hu_key_123456');
    const full = supportReport(exchange, error, { includeSecrets: true });
    expect(full).toContain('`GET https://api.hostup.se/api/v2/vps/vps_abc123?api_key=hu_key_123456`');
    expect(full).toContain("-H 'Authorization: Bearer hu_live_9f8e7d6c5b4a'");
    expect(full).toContain('**Reproduce**\n');
  });

  it('tabulates field errors (Restore Hub zod issues) and the retry delay (429)', () => {
    const validation = sent('restorehub-400-zod-issues');
    const report = supportReport(validation.exchange, validation.error);
    expect(report).toContain(['| Field | Message | Code |', '| --- | --- | --- |', '| `/name` | Required |  |'].join('\n'));
    const limited = sent('hostup-rate-limited');
    expect(supportReport(limited.exchange, limited.error)).toContain('- **Retry:** retryable after 30 s');
  });

  it('keeps hostile text as text: no markup, links or table breaks, code spans that cannot be closed early', () => {
    const { exchange, error } = sent('hostup-vps-not-found');
    const hostile: DecodedError = {
      ...error,
      code: 'a`b``c',
      message: '<img src=x onerror=alert(1)>\n[click](javascript:alert(1)) **x** | y',
      fieldErrors: [{ path: '/a|b', message: 'bad | worse', code: '`x`' }],
      docsUrl: 'javascript:alert(1)',
    };
    const report = supportReport(exchange, hostile);
    expect(report).toContain('- **Code:** ```a`b``c```');
    expect(report).toContain('- **Message:** \\<img src=x onerror=alert(1)\\> \\[click\\](javascript:alert(1)) \\*\\*x\\*\\* \\| y');
    expect(report).toContain('| `/a\\|b` | bad \\| worse | `` `x` `` |');
    expect(report).not.toContain('Docs');
  });

  it('hides a JWT that an error message echoes unless secrets are included', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    const { exchange, error } = sent('hostup-vps-not-found');
    const echoing: DecodedError = { ...error, message: `Token ${jwt} has expired` };
    expect(supportReport(exchange, echoing)).toContain(`Token ${REDACTED.replace(/[[\]]/g, '\\$&')} has expired`);
    expect(supportReport(exchange, echoing, { includeSecrets: true })).toContain(jwt);
  });

  it('shows the response: status line, diagnostic headers (never a credential), and the start of the body, sanitized', () => {
    const limited = sent('hostup-rate-limited', {
      statusText: 'Too Many Requests',
      responseHeaders: [
        { name: 'Retry-After', value: '30' },
        { name: 'X-Request-Id', value: 'req_77' },
        { name: 'Set-Cookie', value: 'sid=abc123secret; Path=/' },
        { name: 'X-Upstream-Token', value: 'upstream-secret-1' },
        { name: 'Content-Type', value: 'application/json' },
      ],
      body: { text: `{"error":"rate_limited","access_token":"tok-leak-1","pad":"${'x'.repeat(3000)}"}` },
    });
    const report = supportReport(limited.exchange, limited.error);
    expect(report).toContain('**Response**\n\n```http\nHTTP 429 Too Many Requests\nRetry-After: 30\nX-Request-Id: req_77\nContent-Type: application/json\n```');
    expect(report).toContain('"access_token":"[REDACTED]"');
    expect(report).toMatch(/… \(\d+ more characters\)/);
    for (const secret of ['abc123secret', 'upstream-secret-1', 'tok-leak-1']) expect(report).not.toContain(secret);
  });

  it('neutralises @mentions, autolinks and issue references in response text, and shows invisible characters', () => {
    const { exchange, error } = sent('hostup-vps-not-found');
    const report = supportReport(exchange, { ...error, message: 'Ping @octocat, mail ops@vendor.test, see https://evil.test/x or www.evil.test, fixes #12 \u202Etxt.exe' });
    expect(report).toContain('- **Message:** Ping `@octocat`, mail `ops@vendor.test`, see `https://evil.test/x` or `www.evil.test,` fixes `#12` \\[U+202E\\]txt.exe');
    expect(report).not.toContain('\u202E');
  });

  it('shows a docs link with its real host, never the userinfo that poses as another', () => {
    const { exchange, error } = sent('hostup-vps-not-found');
    for (const docsUrl of ['http://docs.hostup.se:443@evil.example/errors/x', 'https://user:pw@evil.example/errors/x']) {
      expect(supportReport(exchange, { ...error, docsUrl })).toMatch(/- \*\*Docs:\*\* <https?:\/\/evil\.example\/errors\/x>/);
    }
  });
});
