import { describe, expect, it } from 'vitest';
import { parseTruncatedJson } from './truncated-json.ts';

// An RFC 9457 problem (RFC 9457 section 3's example shape) followed by a long member, as a server dumps it.
const PROBLEM = JSON.stringify({
  type: 'https://example.com/probs/out-of-credit',
  title: 'You do not have enough credit.',
  status: 403,
  detail: 'Your current balance is 30, but that costs 50.',
  accounts: ['/account/12345', '/account/67890'],
  trace: 'x'.repeat(5000),
});

describe('parseTruncatedJson', () => {
  it('keeps the cut string itself when the body stops inside it', () => {
    const value = parseTruncatedJson(PROBLEM.slice(0, 400)) as Record<string, unknown>;
    expect(value['detail']).toBe('Your current balance is 30, but that costs 50.');
    expect(String(value['trace'])).toMatch(/^x+$/);
  });

  it('cuts back to the last complete member when the cut falls in a key, a literal or after a colon', () => {
    for (const cut of ['"accounts"'.length, 2, 9]) {
      const at = PROBLEM.indexOf('"accounts"') + cut;
      const value = parseTruncatedJson(PROBLEM.slice(0, at)) as Record<string, unknown>;
      expect(value['detail'], PROBLEM.slice(at - 12, at)).toBe('Your current balance is 30, but that costs 50.');
    }
    expect(parseTruncatedJson('{"ok":false,"error":"rate_limited","retry":tru')).toEqual({ ok: false, error: 'rate_limited' });
  });

  it('closes nested lists and objects, and drops a dangling escape', () => {
    expect(parseTruncatedJson('{"errors":[{"message":"Field \\"name\\" is required","path":["user","na')).toEqual({
      errors: [{ message: 'Field "name" is required', path: ['user', 'na'] }],
    });
    expect(parseTruncatedJson('{"message":"line\\')).toEqual({ message: 'line' });
    expect(parseTruncatedJson('{"message":"caf\\u00')).toEqual({ message: 'caf' });
  });

  it('reads a complete document as it is, and gives up on what is not JSON', () => {
    expect(parseTruncatedJson('{"a":1} trailing')).toEqual({ a: 1 });
    expect(parseTruncatedJson('<html><title>502')).toBeUndefined();
    expect(parseTruncatedJson('{')).toEqual({});
    expect(parseTruncatedJson('')).toBeUndefined();
  });

  it('stays linear on a deeply nested prefix (hostile bodies)', () => {
    const deep = '['.repeat(100_000);
    const started = performance.now();
    parseTruncatedJson(deep);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
