import { describe, expect, it } from 'vitest';
import type { Exchange } from '../core/exchange.ts';
import { send } from '../core/findings/test-timeline.ts';
import type { CliIo } from './io.ts';
import { run } from './run.ts';

/** The HAR entry Chrome records for an exchange (started at its sentAt). */
function harEntry(exchange: Exchange): unknown {
  const started = exchange.startedAt ?? exchange.receivedAt;
  return {
    startedDateTime: new Date(started).toISOString(),
    time: exchange.receivedAt - started,
    request: { method: exchange.method, url: exchange.url, headers: exchange.requestHeaders, ...(exchange.requestBody ? { postData: { mimeType: 'application/json', text: exchange.requestBody } } : {}) },
    response: { status: exchange.status, headers: exchange.responseHeaders, content: { mimeType: exchange.mimeType, ...(exchange.body ? { text: exchange.body.text } : {}) } },
  };
}

function har(exchanges: readonly Exchange[]): string {
  return JSON.stringify({ log: { version: '1.2', entries: exchanges.map(harEntry) } });
}

async function faultline(args: readonly string[], stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdin: (async function* () {
      yield new TextEncoder().encode(stdin);
    })(),
    columns: undefined,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

// A misbehaving client: a 429 retried in lockstep before its Retry-After, a refund re-POSTed after a 500
// without an Idempotency-Key, a cross-origin 429 the page could not read, three servers not found.
const session = [
  ...[0, 0.5, 1, 1.5].map((at) => send('discord-rate-limited', { at })),
  send('stripe-500-should-not-retry', { at: 2 }),
  send('stripe-500-should-not-retry', { at: 3 }),
  send('rl-bodiless-429-http-date', { at: 4, requestHeaders: { Origin: 'http://127.0.0.1:8788' } }),
  ...[5, 6, 7].map((at, i) => send('pterodactyl-not-found', { at, path: `/api/client/servers/1a7ce99${i}` })),
  send('rl-github-200-limits', { at: 8 }),
];

const lines = (stdout: string) => stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('faultline check --json', () => {
  it('prints findings then groups by count, with the contract keys and log.entries indices; exits 1 on an error finding', async () => {
    const result = await faultline(['check', '-', '--json'], har(session));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const records = lines(result.stdout);
    const findings = records.filter((r) => r.type === 'finding');
    const groups = records.filter((r) => r.type === 'group');
    expect(records.slice(0, findings.length)).toEqual(findings);
    for (const f of findings) expect(Object.keys(f)).toEqual(['type', 'kind', 'severity', 'entries', 'message', 'advice']);
    for (const g of groups) expect(Object.keys(g)).toEqual(['type', 'fingerprint', 'method', 'urlTemplate', 'status', 'code', 'count', 'entries', 'first', 'last']);
    expect(findings.map((f) => [f.kind, f.severity, f.entries])).toEqual([
      ['retry-before-delay', 'error', [0, 1, 2, 3]],
      ['unsafe-retry', 'error', [4, 5]],
      ['no-backoff', 'warn', [0, 1, 2, 3]],
      ['cors-hidden', 'warn', [6]],
    ]);
    expect(groups.map((g) => [g.method, g.urlTemplate, g.status, g.count, g.entries])).toEqual([
      ['POST', '/api/v10/channels/:id/messages', 429, 4, [0, 1, 2, 3]],
      ['GET', '/api/client/servers/:hash', 404, 3, [7, 8, 9]],
      ['POST', '/v1/refunds', 500, 2, [4, 5]],
      ['GET', '/v1/search', 429, 1, [6]],
    ]);
    expect(groups[0]?.first).toBe('2026-12-07T16:57:06.000Z');
    expect(groups[0]?.last).toBe('2026-12-07T16:57:07.500Z');
  });

  it('exits 0 when no finding reaches --fail-on, 1 when one does', async () => {
    const warnOnly = har([0, 1, 2, 3].map((at) => send('discord-bad-gateway', { at })));
    expect((await faultline(['check', '-', '--json'], warnOnly)).code).toBe(0);
    expect((await faultline(['check', '-', '--fail-on', 'warn'], warnOnly)).code).toBe(1);
    expect((await faultline(['check', '-', '--fail-on', 'info'], har([send('rl-github-200-limits', { at: 0 })]))).code).toBe(0);
  });

  it('exits 2 with one line on bad input or a bad --fail-on', async () => {
    const bad = await faultline(['check', '-'], '{"log":');
    expect([bad.code, bad.stdout, bad.stderr.trimEnd().split('\n').length]).toEqual([2, '', 1]);
    const level = await faultline(['check', '-', '--fail-on', 'fatal'], har(session));
    expect(level.code).toBe(2);
    expect(level.stderr).toMatch(/^faultline: --fail-on must be one of info, warn, error, not "fatal"/);
  });
});

describe('faultline check (report)', () => {
  it('puts the findings first, each with its advice and entries, then the groups by count', async () => {
    const { stdout } = await faultline(['check', '-'], har(session));
    const text = stdout.split('\n');
    expect(text[0]).toBe('4 findings; 10 errors in 4 groups, 11 requests.');
    expect(text[2]).toMatch(/^ERROR {2}retry-before-delay: POST \/api\/v10\/channels\/:id\/messages was sent again 3 times before/);
    expect(text[4]).toBe('       entries: 0, 1, 2, 3');
    const header = text.findIndex((line) => line.startsWith('COUNT'));
    expect(text[header]?.split(/\s+/)).toEqual(['COUNT', 'FIRST', 'LAST', 'METHOD', 'PATH', 'STATUS', 'CODE', 'MESSAGE', 'RETRY']);
    expect(text[header + 1]).toMatch(/^×4 .*POST +\/api\/v10\/channels\/:id\/messages +429 .*You are being rate limited\./);
  });
});

describe('faultline decode --group', () => {
  it('prints one row per fingerprint with its count, and the group lines with --json', async () => {
    const table = await faultline(['decode', '-', '--group'], har(session));
    expect(table.code).toBe(0);
    const rows = table.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(5);
    expect(rows[2]).toMatch(/^×3 .*GET +\/api\/client\/servers\/:hash +404 +NotFoundHttpException/);
    const json = lines((await faultline(['decode', '-', '--group', '--json'], har(session))).stdout);
    expect(json.map((g) => g.count)).toEqual([4, 3, 2, 1]);
  });
});
