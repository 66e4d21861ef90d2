import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../core/fixtures/index.ts';
import { fixtureExchange } from '../core/fixtures/render.ts';
import type { Exchange } from '../core/exchange.ts';

const BIN = join(import.meta.dirname, '../../bin/faultline.js');

// The bin runs the bundle `npm install` builds; rebuild it so the test sees the current source.
beforeAll(() => {
  execFileSync(process.execPath, [join(import.meta.dirname, '../../scripts/build-cli.mjs')]);
});
const JSON_KEYS = ['entry', 'method', 'url', 'status', 'format', 'code', 'title', 'message', 'fieldErrors', 'requestId', 'docsUrl', 'retryable', 'retryAfterMs', 'rateLimit', 'advice'];
const SECRET = 'sk_live_51Hsecret';
const now = Date.now();

interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function faultline(args: readonly string[], stdin?: string | Buffer): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
    // The CLI may stop reading early (a limit, bad input): a closed pipe is what the test expects then.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(stdin ?? '');
  });
}

/** The HAR entry Chrome would record for an exchange received at `receivedAt` after 50 ms. */
function harEntry(exchange: Exchange): unknown {
  return {
    startedDateTime: new Date(exchange.receivedAt - 50).toISOString(),
    time: 50,
    _resourceType: 'fetch',
    request: { method: exchange.method, url: exchange.url, httpVersion: 'http/2.0', headers: exchange.requestHeaders, ...(exchange.requestBody ? { postData: { mimeType: 'application/json', text: exchange.requestBody } } : {}) },
    response: {
      status: exchange.status,
      statusText: '',
      headers: exchange.responseHeaders,
      content: { size: exchange.body?.text.length ?? 0, mimeType: exchange.mimeType, ...(exchange.body ? { text: exchange.body.text } : {}) },
    },
  };
}

// Every fixture (whatever the list holds when the test runs), one success, and one error whose URL carries a secret.
const withExpectation = fixtures.map((fixture) => ({ fixture, exchange: fixtureExchange(fixture, now) }));
const firstError = withExpectation.find(({ fixture }) => fixture.expect !== null);
const success: Exchange = { method: 'GET', url: 'https://api.example.test/items', requestHeaders: [], status: 200, responseHeaders: [], body: { text: '{"items":[{"id":1}]}' }, mimeType: 'application/json', receivedAt: now };
const secretExchange: Exchange | null = firstError === undefined ? null : { ...firstError.exchange, url: `${firstError.exchange.url}${firstError.exchange.url.includes('?') ? '&' : '?'}api_key=${SECRET}&page=2` };
const harEntries = [...withExpectation.map(({ exchange }) => harEntry(exchange)), harEntry(success), ...(secretExchange === null ? [] : [harEntry(secretExchange)])];
const secretIndex = harEntries.length - 1;
const harText = JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries: harEntries } });

let dir = '';
let file = '';
const runs: Record<string, Result> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-cli-'));
  file = join(dir, 'fixtures.har');
  writeFileSync(file, harText);
  writeFileSync(join(dir, 'broken.har'), '{"log": {"entries": [');
  writeFileSync(join(dir, 'not-har.json'), JSON.stringify({ log: { entries: [{ startedDateTime: '2026-01-01T00:00:00Z', time: 1, request: { method: 'GET', url: 'https://x.test/', headers: [] }, response: { headers: [], content: { mimeType: 'text/plain' } } }] } }));
  const [json, secrets, table, stdin, help, unknownFlag, missing, notJson, notHar] = await Promise.all([
    faultline(['decode', file, '--json']),
    faultline(['decode', file, '--json', '--include-secrets']),
    faultline(['decode', file]),
    faultline(['decode', '-', '--json'], harText),
    faultline(['--help']),
    faultline(['decode', file, '--colour']),
    faultline(['decode', join(dir, 'missing.har')]),
    faultline(['decode', join(dir, 'broken.har')]),
    faultline(['decode', join(dir, 'not-har.json')]),
  ]);
  Object.assign(runs, { json, secrets, table, stdin, help, unknownFlag, missing, notJson, notHar });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (result: Result | undefined): Record<string, unknown>[] =>
  (result?.stdout ?? '').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('faultline decode --json', () => {
  it('prints one JSON object per error entry with exactly the contract keys, and exits 0', () => {
    expect(runs.json?.code).toBe(0);
    expect(runs.json?.stderr).toBe('');
    const records = lines(runs.json);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(Object.keys(record)).toEqual(JSON_KEYS);
      expect(typeof record.retryable).toBe('boolean');
      expect(typeof record.advice).toBe('string');
      for (const fieldError of record.fieldErrors as object[]) expect(Object.keys(fieldError).sort()).toEqual(['message', 'path']);
      if (record.rateLimit !== null) expect(Object.keys(record.rateLimit as object)).toEqual(['limit', 'remaining', 'resetAt']);
    }
  });

  it('reports each fixture error at its entry index as the fixture expects, and nothing for non-errors', () => {
    const byEntry = new Map(lines(runs.json).map((record) => [record.entry, record]));
    withExpectation.forEach(({ fixture }, index) => {
      const record = byEntry.get(index);
      const want = fixture.expect;
      if (want === null) {
        expect(record, fixture.name).toBeUndefined();
        return;
      }
      expect(record, fixture.name).toBeDefined();
      expect(record?.format, fixture.name).toBe(want.format);
      expect(record?.status, fixture.name).toBe(fixture.response.status);
      if (want.code !== undefined) expect(record?.code, fixture.name).toBe(want.code);
      if (want.message !== undefined) expect(record?.message, fixture.name).toBe(want.message);
      if (want.retryable !== undefined) expect(record?.retryable, fixture.name).toBe(want.retryable);
      if (want.retryAfterMs === null) expect(record?.retryAfterMs, fixture.name).toBeNull();
      else if (want.retryAfterMs !== undefined) expect(Math.abs((record?.retryAfterMs as number) - want.retryAfterMs), fixture.name).toBeLessThanOrEqual(1000);
    });
    expect(byEntry.has(withExpectation.length)).toBe(false); // the 200 with a plain list
  });

  it('redacts secrets in URL query strings unless --include-secrets is given', () => {
    if (secretExchange === null) return;
    const redacted = lines(runs.json).find((record) => record.entry === secretIndex);
    expect(redacted?.url).toContain('api_key=[REDACTED]&page=2');
    expect(runs.json?.stdout).not.toContain(SECRET);
    const kept = lines(runs.secrets).find((record) => record.entry === secretIndex);
    expect(kept?.url).toBe(secretExchange.url);
  });

  it('reads the HAR from stdin with "-"', () => {
    expect(runs.stdin?.code).toBe(0);
    expect(runs.stdin?.stdout).toBe(runs.json?.stdout);
  });
});

describe('faultline decode (table)', () => {
  it('prints a table of the errors and a summary', () => {
    const result = runs.table;
    expect(result?.code).toBe(0);
    const [header, ...rest] = (result?.stdout ?? '').trimEnd().split('\n');
    expect(header?.split(/\s+/)).toEqual(['TIME', 'METHOD', 'PATH', 'STATUS', 'FAMILY', 'CODE', 'MESSAGE', 'RETRY']);
    const count = lines(runs.json).length;
    expect(rest.at(-1)).toBe(`${count} error${count === 1 ? '' : 's'} in ${harEntries.length} request${harEntries.length === 1 ? '' : 's'}.`);
    expect(rest.filter((line) => line !== '')).toHaveLength(count + 1);
    for (const line of rest) expect(line.length).toBeLessThanOrEqual(160);
    expect(result?.stdout).not.toContain(SECRET);
  });
});

describe('faultline usage and bad input', () => {
  it('explains itself with --help, including the exit status', () => {
    expect(runs.help?.code).toBe(0);
    expect(runs.help?.stdout).toContain('faultline decode');
    expect(runs.help?.stdout).toMatch(/Exit status: 0 when the file was read, whether or not it holds errors/);
  });

  it.each([
    ['unknownFlag', /^faultline: Unknown option '--colour'/],
    ['missing', /^faultline: cannot read .*missing\.har: no such file$/],
    ['notJson', /^faultline: .*broken\.har: not JSON/],
    ['notHar', /^faultline: .*not-har\.json: not a HAR file: log\.entries\[0\]\.response\.status is missing$/],
  ])('%s: one line on stderr, exit 2, no stack trace', (name, message) => {
    const result = runs[name];
    expect(result?.code).toBe(2);
    expect(result?.stdout).toBe('');
    const stderr = (result?.stderr ?? '').trimEnd();
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});

describe('faultline --version', () => {
  it('prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const result = await faultline([flag]);
      expect(result).toEqual({ code: 0, stdout: `faultline ${version}\n`, stderr: '' });
    }
  });
});

describe('faultline decode at scale and on hostile input', () => {
  // Issue 10: 130 000 error rows crashed the table ("Maximum call stack size exceeded"). Twitter's v2 429, one per entry.
  const ERRORS = 200_000;
  const rateLimited = (i: number): string =>
    JSON.stringify({
      startedDateTime: new Date(now + i).toISOString(),
      time: 12,
      request: { method: 'GET', url: `https://api.example.test/2/tweets/${i}`, headers: [] },
      response: { status: 429, headers: [{ name: 'Content-Type', value: 'application/json' }, { name: 'x-rate-limit-reset', value: String(Math.floor(now / 1000) + 900) }], content: { mimeType: 'application/json', text: '{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}' } },
    });
  let bigFile = '';
  beforeAll(() => {
    bigFile = join(dir, 'many.har');
    const parts = ['{"log":{"version":"1.2","creator":{"name":"test","version":"1"},"entries":['];
    for (let i = 0; i < ERRORS; i++) parts.push(i === 0 ? rateLimited(i) : `,${rateLimited(i)}`);
    parts.push(']}}');
    writeFileSync(bigFile, parts.join(''));
  });

  it(`prints a table of ${ERRORS.toLocaleString('en-US')} errors, and as many JSON lines`, async () => {
    const [table, json] = await Promise.all([faultline(['decode', bigFile]), faultline(['decode', bigFile, '--json'])]);
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
    const rows = table.stdout.trimEnd().split('\n');
    expect(rows.at(-1)).toBe(`${ERRORS} errors in ${ERRORS} requests.`);
    expect(rows).toHaveLength(ERRORS + 3); // header, rows, blank line, summary
    expect(json.code).toBe(0);
    const records = json.stdout.trimEnd().split('\n');
    expect(records).toHaveLength(ERRORS);
    expect(JSON.parse(records.at(-1) ?? '')).toMatchObject({ entry: ERRORS - 1, status: 429 });
  }, 120_000);

  it('refuses stdin over --max-size with one line and exit 2, after printing what it found before', async () => {
    const big = readFileSync(bigFile);
    const result = await faultline(['decode', '-', '--json', '--max-size', '1'], big);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('faultline: stdin: input is over the 1 MB limit (--max-size to raise it)\n');
    expect(result.stdout.split('\n').length).toBeGreaterThan(100);
  }, 60_000);

  it('stops at once on /dev/zero on stdin: not JSON, one line, exit 2', async () => {
    const result = await new Promise<Result>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'decode', '-'], { stdio: [openSync('/dev/zero', 'r'), 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'faultline: stdin: not JSON (it starts with byte 0x00 at byte 0)\n' });
  });

  it('reads a HAR that starts with a UTF-8 byte order mark', async () => {
    const withBom = join(dir, 'bom.har');
    writeFileSync(withBom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(harText)]));
    const [fromFile, fromStdin] = await Promise.all([faultline(['decode', withBom, '--json']), faultline(['decode', '-', '--json'], Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(harText)]))]);
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toBe(runs.json?.stdout);
    expect(fromStdin.stdout).toBe(runs.json?.stdout);
  });

  it('never echoes input bytes: escape sequences in a file or its name reach stderr escaped, on one line', async () => {
    const evil = join(dir, 'evil.har');
    writeFileSync(evil, '\x1b[2J\x1b[H\x1b]0;pwned\x07\nnot a HAR\n');
    const inEntry = join(dir, 'evil-entry.har');
    writeFileSync(inEntry, '{"log":{"entries":[{"a":\x1b[31m}]}}');
    const results = await Promise.all([faultline(['decode', evil]), faultline(['decode', inEntry]), faultline(['decode', join(dir, 'gone\x1b[2J\u202e.har')])]);
    for (const result of results) {
      expect(result.code).toBe(2);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      // Nothing below U+0020 but the final line break, no DEL, no bidi override.
      expect([...result.stderr.trimEnd()].filter((char) => char < ' ' || char === '\x7f' || char === '\u202e')).toEqual([]);
    }
    expect(results[0]?.stderr).toBe(`faultline: ${evil}: not JSON (it starts with byte 0x1b at byte 0)\n`);
    expect(results[2]?.stderr).toContain('gone\\x1b[2J\\u202e.har: no such file');
  });
});
