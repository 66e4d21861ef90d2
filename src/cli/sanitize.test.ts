import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHar } from '../core/har/stream.ts';
import { run } from './run.ts';

async function* bytes(text: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(text);
}

const har = JSON.stringify({
  log: {
    entries: [
      {
        startedDateTime: '2026-11-22T12:00:00.000Z',
        time: 20,
        request: { method: 'GET', url: 'https://api.test/v1/chat?key=AIzaSyFlTest-0123456789abcdefghijklmnop', headers: [{ name: 'Authorization', value: 'Bearer sk-proj-FlTest0123456789abcdefghij' }] },
        response: {
          status: 429,
          headers: [{ name: 'x-ratelimit-reset-tokens', value: '6m0s' }, { name: 'x-ratelimit-remaining-tokens', value: '0' }, { name: 'Content-Type', value: 'application/json' }],
          content: { mimeType: 'application/json', text: '{"error":{"message":"Rate limit reached on tokens per min","type":"tokens","code":"rate_limit_exceeded"}}' },
        },
      },
    ],
  },
});

const dir = mkdtempSync(join(tmpdir(), 'faultline-sanitize-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), stdin: bytes(har), columns: 200 });
  return { code, out, err };
}

describe('faultline sanitize', () => {
  it('writes the redacted HAR to stdout, and decode on it says what decode on the original says', async () => {
    const sanitized = await cli(['sanitize', '-']);
    expect(sanitized.code).toBe(0);
    expect(sanitized.out).not.toMatch(/AIzaSy|sk-proj-/);
    expect(sanitized.out).toContain('Bearer [REDACTED]');
    expect('error' in parseHar(sanitized.out)).toBe(false);
    const original = await cli(['decode', '-']);
    expect(original.out).toContain('in 6 min');
    let again = '';
    await run(['decode', '-'], { stdout: (t) => void (again += t), stderr: () => undefined, stdin: bytes(sanitized.out), columns: 200 });
    expect(again).toBe(original.out);
  });

  it('writes to a file with -o', async () => {
    const out = join(dir, 'clean.har');
    expect((await cli(['sanitize', '-', '-o', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('[REDACTED]');
  });

  it('says in one line what is wrong with its arguments or the output file', async () => {
    for (const argv of [['sanitize'], ['sanitize', '-', '--json'], ['decode', '-', '-o', 'x.har'], ['sanitize', '-', '-o', join(dir, 'no/such/dir/x.har')]]) {
      const result = await cli(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err.trim().split('\n'), argv.join(' ')).toHaveLength(1);
    }
  });
});
