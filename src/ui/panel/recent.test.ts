import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import type { Exchange } from '../../core/exchange.ts';
import { seedFixtures } from '../../core/fixtures/index.ts';
import { fixtureExchange } from '../../core/fixtures/render.ts';
import { RECENT_LIMIT } from '../../protocol/relay.ts';
import { fingerprintOf } from '../../core/findings/index.ts';
import type { TimelineEntry } from './entries.ts';
import { recentFromTimeline } from './recent.ts';

const T0 = Date.UTC(2026, 3, 27, 12, 0, 0);
let nextKey = 1;

/** A panel timeline entry for a seed fixture received at `at`, decoded by the real pipeline. */
function errorEntry(name: string, at: number, url?: string): TimelineEntry {
  const fixture = seedFixtures.find((f) => f.name === name);
  if (fixture === undefined) throw new Error(`no seed fixture ${name}`);
  const base = fixtureExchange(fixture, at);
  const exchange: Exchange = { ...base, url: url ?? base.url };
  const error = analyze(exchange).error;
  if (error === null) throw new Error(`${name} does not decode to an error`);
  return { kind: 'error', key: nextKey++, id: String(nextKey), exchange, error, captureNote: null, host: '', path: '', name: '', fingerprint: fingerprintOf(exchange, error) };
}

describe('recentFromTimeline', () => {
  it('takes the kinds of error seen last, most recent first, skipping navigations', () => {
    const timeline: TimelineEntry[] = [];
    for (let i = 0; i < RECENT_LIMIT + 5; i++) timeline.push(errorEntry('hostup-rate-limited', T0 + i * 1000, `https://api.example.test/api/v2/endpoint${String.fromCharCode(97 + i)}`));
    timeline.push({ kind: 'navigation', key: nextKey++, url: 'https://app.example.test/', at: T0 + 99_000 });
    const recent = recentFromTimeline(timeline);
    expect(recent).toHaveLength(RECENT_LIMIT);
    expect(recent[0]?.at).toBe(T0 + (RECENT_LIMIT + 4) * 1000);
    expect(recent.at(-1)?.at).toBe(T0 + 5 * 1000);
  });

  it('makes 300 identical failing requests one entry: the newest, ×300 since the first', () => {
    const timeline = Array.from({ length: 300 }, (_, i) => errorEntry('hostup-rate-limited', T0 + i * 100));
    const recent = recentFromTimeline(timeline);
    expect(recent).toHaveLength(1);
    expect(recent[0]).toMatchObject({ count: 300, firstAt: T0, at: T0 + 29_900 });
  });

  it('hides credentials in the URLs it relays', () => {
    const [relayed] = recentFromTimeline([errorEntry('hostup-vps-not-found', T0, 'https://api.example.test/api/v2/vps/1?api_key=sk_live_123&page=2')]);
    expect(relayed?.url).not.toContain('sk_live_123');
    expect(relayed?.url).toContain('page=2');
  });
});
