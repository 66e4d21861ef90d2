import { describe, expect, it } from 'vitest';
import { TOKEN_EXAMPLES } from '../fixtures/secrets.ts';
import { TOKEN_FORMATS } from './token-formats.ts';
import { redactTokens } from './scan.ts';

/** Text that looks a little like a token and must stay: the scan must never eat diagnostics. */
const NOT_TOKENS = [
  'max_tokens', 'token_type', 'x-ratelimit-remaining-tokens', 'sk-short', 'sk_live_', 'ghp_tooShort', 'AKIA', 'req_7Hq2Lm9Xv4',
  'f1a2b3c4-d5e6-7f80-91a2-b3c4d5e6f708', 'CAFE:1234:5678AB:9ABCDE:65A0B1C2', '2026-11-22T12:06:00Z', 'eyJ only a prefix', 'key-value store',
  'Rate limit reached for gpt-4o in organization org-FlTest on tokens per min (TPM): Limit 30000, Used 30000, Requested 1200.',
  'The request signature we calculated does not match the signature you provided.', '-----BEGIN CERTIFICATE-----',
];

describe('token formats', () => {
  it.each(TOKEN_FORMATS)('$name: matches a made-up example of its format', ({ pattern }) => {
    const regex = new RegExp(pattern);
    expect(Object.values(TOKEN_EXAMPLES).some((example) => regex.test(example))).toBe(true);
  });

  it.each(TOKEN_FORMATS)('$name: matches none of the look-alikes that must stay', ({ pattern }) => {
    const regex = new RegExp(pattern);
    expect(NOT_TOKENS.filter((text) => regex.test(text))).toEqual([]);
  });

  it('replaces a token inside a word boundary but not inside a longer token-character run', () => {
    expect(redactTokens(`key: ${TOKEN_EXAMPLES['GitHub token'] ?? ''}.`)).toBe('key: [REDACTED].');
    expect(redactTokens('xghp_Fl7tA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6')).toBe('xghp_Fl7tA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6');
  });

  it('stays linear on runs that almost match (50 000 near-misses each)', () => {
    for (const hostile of ['eyJa-'.repeat(50_000), `${'sk-'.repeat(50_000)}`, '-----BEGIN PRIVATE KEY-----'.repeat(20_000), 'SG.'.repeat(50_000), `AKIA${'A'.repeat(200_000)}`]) {
      const started = performance.now();
      redactTokens(hostile);
      // A guard against backtracking that never ends, not a speed target (npm run bench measures speed): linear work takes milliseconds.
      expect(performance.now() - started).toBeLessThan(5_000);
    }
  });
});
