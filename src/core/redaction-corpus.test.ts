/**
 * The redaction corpus (src/core/fixtures/secrets.ts) checked against everything a user can copy or
 * export: copy as cURL, copy as fetch, the support report and the HAR export (which is also what
 * `faultline sanitize` writes). Leaks: a secret found in a sanitized output. Lost: a must-survive
 * header, member or message missing from one. Both must be zero. The CLI's outputs and the round
 * trip through a HAR file are checked in src/cli/redaction-corpus.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import type { Exchange } from './exchange.ts';
import { seedFixtures } from './fixtures/index.ts';
import { fixtureExchange } from './fixtures/render.ts';
import { MUST_SURVIVE_FIELD_ERRORS, MUST_SURVIVE_HEADERS, MUST_SURVIVE_MEMBERS, SECRET_PLACEMENTS, leaksSecret } from './fixtures/secrets.ts';
import { buildHar } from './har/write.ts';
import type { DecodedError } from './model.ts';
import { curlSnippet, fetchSnippet } from './snippets.ts';
import { supportReport } from './support-report.ts';

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
type Output = 'curl' | 'fetch' | 'report' | 'har';
const OUTPUTS: readonly Output[] = ['curl', 'fetch', 'report', 'har'];

const hostup = seedFixtures.find((f) => f.name === 'hostup-vps-not-found');
if (hostup === undefined) throw new Error('no HostUp seed fixture');
const base = fixtureExchange(hostup, T0, 'https://api.hostup.se');

function decoded(exchange: Exchange): DecodedError {
  const { error } = analyze(exchange);
  if (error === null) throw new Error('the corpus exchange must decode as an error');
  return error;
}

function outputs(exchange: Exchange, includeSecrets: boolean): Record<Output, string> {
  const error = decoded(exchange);
  return {
    curl: curlSnippet(exchange, { includeSecrets }),
    fetch: fetchSnippet(exchange, { includeSecrets }),
    report: supportReport(exchange, error, { includeSecrets }),
    har: JSON.stringify(buildHar([{ exchange, error }], { version: 'test', includeSecrets })),
  };
}

describe('redaction corpus', () => {
  it(`has at least 120 placements (${SECRET_PLACEMENTS.length})`, () => {
    expect(SECRET_PLACEMENTS.length).toBeGreaterThanOrEqual(120);
    expect(new Set(SECRET_PLACEMENTS.map((p) => p.name)).size).toBe(SECRET_PLACEMENTS.length);
  });

  it('leaks nothing: no secret of any placement in cURL, fetch, the support report or the HAR', () => {
    const found: string[] = [];
    for (const { name, secret, place } of SECRET_PLACEMENTS) {
      const exchange = place(base);
      const sanitized = outputs(exchange, false);
      for (const output of OUTPUTS) if (leaksSecret(sanitized[output], secret)) found.push(`${name} → ${output}`);
    }
    expect(found).toEqual([]);
  });

  it('puts every secret back in the HAR when the user includes secrets', () => {
    const missing = SECRET_PLACEMENTS.filter(({ name }) => !name.includes('base64')).filter(({ secret, place }) => !leaksSecret(outputs(place(base), true).har, secret));
    expect(missing.map((p) => p.name)).toEqual([]);
  });

  it('marks where it redacted', () => {
    const { har, report, curl } = outputs(SECRET_PLACEMENTS[0]?.place(base) ?? base, false);
    for (const text of [har, report, curl]) expect(text).toContain('[REDACTED]');
  });
});

describe('must survive', () => {
  const body = (base.body?.text ?? '{}').replace(/^\{/, `{${MUST_SURVIVE_MEMBERS.join(',')},${MUST_SURVIVE_FIELD_ERRORS},`);
  const exchange: Exchange = {
    ...base,
    method: 'POST',
    requestHeaders: [...base.requestHeaders, { name: 'Content-Type', value: 'application/json' }, { name: 'Idempotency-Key', value: '5d2f1c9e-7a4b-4c1d-9e3f-2b8a6c4d0e1f' }],
    requestBody: '{"model":"m-1","max_tokens":4096,"stream":false}',
    responseHeaders: [...base.responseHeaders.filter((h) => h.name.toLowerCase() !== 'content-type'), ...MUST_SURVIVE_HEADERS],
    body: { text: body },
  };
  const sanitized = outputs(exchange, false);
  const entry = buildHar([{ exchange, error: decoded(exchange) }], { version: 'test' }).log.entries[0];

  it('keeps every rate-limit, retry and request-id header value in the HAR and the report', () => {
    const lost: string[] = [];
    for (const { name, value } of MUST_SURVIVE_HEADERS) {
      if (entry?.response.headers.find((h) => h.name === name)?.value !== value) lost.push(`${name} → har`);
      if (!sanitized.report.includes(`${name}: ${value}`)) lost.push(`${name} → report`);
    }
    expect(lost).toEqual([]);
  });

  it('keeps members that only name a secret word, validation errors about password fields, and the idempotency key', () => {
    const lost = [...MUST_SURVIVE_MEMBERS, MUST_SURVIVE_FIELD_ERRORS].filter((member) => !(entry?.response.content.text ?? '').includes(member));
    expect(lost).toEqual([]);
    expect(entry?.request.postData?.text).toBe(exchange.requestBody);
    expect(sanitized.curl).toContain('Idempotency-Key: 5d2f1c9e-7a4b-4c1d-9e3f-2b8a6c4d0e1f');
    expect(sanitized.report).toContain('"max_tokens":4096');
  });

  it('keeps the error message, code and request id in the report', () => {
    const error = decoded(exchange);
    expect(sanitized.report).toContain(error.message);
    expect(sanitized.report).toContain(`\`${error.code ?? ''}\``);
    expect(sanitized.report).toContain(`\`${error.requestId ?? ''}\``);
  });
});
