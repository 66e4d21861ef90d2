import type { Observation } from '../observation.ts';
import { duration, refsOf, requestLabel, statusLabel } from '../attempts.ts';
import type { Finding } from '../types.ts';

/** A failing request sent this many times more is a retry loop, not a user clicking twice. */
const MIN_REPEATS = 3;
/**
 * An interval this much longer than the one before is backing off. Exponential backoff doubles; jitter
 * blurs that, but a loop on a fixed timer (or a tighter one) never grows by a quarter three times.
 */
const GROWTH = 1.25;
/** Timer and network noise: intervals within this of each other are equal. */
const NOISE_MS = 50;

/** Runs of attempts after a failure: each starts at a failed attempt and ends at the next success (included). */
function retryRuns(attempts: readonly Observation[]): Observation[][] {
  const runs: Observation[][] = [];
  let run: Observation[] = [];
  for (const attempt of attempts) {
    if (run.length > 0) run.push(attempt);
    else if (attempt.failed) run = [attempt];
    if (run.length > 0 && !attempt.failed) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function backsOff(intervals: readonly number[]): boolean {
  for (let i = 1; i < intervals.length; i++) {
    const previous = intervals[i - 1] ?? 0;
    if ((intervals[i] ?? 0) > previous * GROWTH + NOISE_MS) return true;
  }
  return false;
}

/** The finding about one request sent more than once (its attempts in the order sent), or null. */
export function noBackoff(attempts: readonly Observation[]): Finding | null {
  const runs = retryRuns(attempts).filter((run) => run.length > MIN_REPEATS);
  const loops = runs.filter((run) => !backsOff(run.slice(1).map((attempt, i) => attempt.sentAt - (run[i]?.sentAt ?? attempt.sentAt))));
  const longest = loops.reduce<Observation[] | null>((best, run) => (best === null || run.length > best.length ? run : best), null);
  const [start] = longest ?? [];
  if (longest === null || start === undefined) return null;
  const intervals = longest.slice(1).map((attempt, i) => attempt.sentAt - (longest[i]?.sentAt ?? attempt.sentAt));
  const shortest = Math.min(...intervals);
  const widest = Math.max(...intervals);
  const pace = widest - shortest <= NOISE_MS * 2 ? `every ${duration(widest)}` : `at intervals of ${duration(shortest)} to ${duration(widest)} that never grew`;
  return {
    kind: 'no-backoff',
    severity: 'warn',
    entries: refsOf(loops.flat()),
    message: `${requestLabel(start)} failed with ${statusLabel(start)} and was sent ${longest.length} times in a row ${pace}, without backing off.`,
    advice: 'Back off exponentially between retries with random jitter (for example 1 s, 2 s, 4 s\u2026 up to a cap, each a random fraction of that) and give up after a few attempts: clients retrying in lockstep keep an overloaded server down.',
  };
}
