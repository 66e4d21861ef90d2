/**
 * The panel's "Export HAR" (src/core/har-export.ts) read back by the CLI's own HAR path: what a user
 * exports from DevTools must decode to the same errors with `faultline decode`.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze.ts';
import type { Exchange } from '../core/exchange.ts';
import { seedFixtures } from '../core/fixtures/index.ts';
import { fixtureExchange } from '../core/fixtures/render.ts';
import { buildHar } from '../core/har/write.ts';
import { parseHar } from '../core/har/parse.ts';
import { errorEntries } from './decode-har.ts';

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('an exported HAR, decoded by the CLI', () => {
  const exchanges: Exchange[] = seedFixtures.map((fixture, i) => {
    const base = fixtureExchange(fixture, T0 + i * 1000, 'https://api.example.test');
    return { ...base, requestHeaders: [...base.requestHeaders, { name: 'Authorization', value: `Bearer sk_live_${i}` }] };
  });
  const items = exchanges.map((exchange) => ({ exchange, error: analyze(exchange).error }));

  it.each([true, false])('gives back every seed exchange and its decoded error (secrets included: %s)', (includeSecrets) => {
    const parsed = parseHar(JSON.stringify(buildHar(items, { version: '0.1.0', includeSecrets })));
    if ('error' in parsed) throw new Error(parsed.error);
    const decoded = errorEntries(parsed.entries);
    expect(decoded.map((d) => d.index)).toEqual(items.flatMap((item, i) => (item.error === null ? [] : [i])));
    for (const { index, exchange, error } of decoded) {
      const original = items[index];
      expect(error).toEqual(original?.error);
      expect(exchange.receivedAt).toBe(original?.exchange.receivedAt);
      expect(exchange.requestHeaders.find((h) => h.name === 'Authorization')?.value).toBe(includeSecrets ? `Bearer sk_live_${index}` : 'Bearer [REDACTED]');
    }
  });
});
