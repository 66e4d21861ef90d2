import { seedFixtures, type Fixture } from '../../src/core/fixtures/index.ts';
import type { PanelRow } from './extension.ts';

/**
 * What the panel must show for the seed fixtures, in any browser: shared by the Chrome and Firefox specs,
 * so both browsers are held to one standard.
 */

/** The first example of each seed reference (shared/seeds), preferring one that states code and message. */
export function firstOfEachSeed(): Fixture[] {
  const bySeed = new Map<string, Fixture>();
  const complete = (fixture: Fixture | undefined): boolean => fixture?.expect?.message !== undefined && fixture.expect.code !== undefined;
  for (const fixture of seedFixtures) {
    const current = bySeed.get(fixture.source);
    if (current === undefined || (!complete(current) && complete(fixture))) bySeed.set(fixture.source, fixture);
  }
  return [...bySeed.values()];
}

/** The row of the request sent for `fixture` (each row carries its request's path). */
export function rowOf(rows: readonly PanelRow[], fixture: Fixture): PanelRow | undefined {
  return rows.find((row) => row.path === `/api/fx/${fixture.name}`);
}

/** "retry in 1 min 5 s" → 65, "retry in 42 s" → 42 (seconds), or null for any other text. */
export function countdownSeconds(text: string | null | undefined): number | null {
  const match = /retry in (?:(\d+) min)? ?(?:(\d+) s)?/.exec(text ?? '');
  if (match === null || (match[1] === undefined && match[2] === undefined)) return null;
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

/** The seed example whose rate limit is long enough to watch count down (10 s or more). */
export function longRateLimit(): Fixture {
  const limited = seedFixtures.find((fixture) => (fixture.expect?.retryAfterMs ?? 0) >= 10_000);
  if (limited === undefined) throw new Error('no seed fixture with a retry delay of 10 s or more');
  return limited;
}
