import { analyze } from '../core/analyze.ts';
import { observe, type Observation } from '../core/findings/index.ts';
import { exchangeFromHarEntry } from '../core/har/entry.ts';
import type { HarEntry } from '../core/har/parse.ts';

/**
 * Every entry of a HAR as the findings see it, successes included (quota use is read from them);
 * each observation's ref is its index in log.entries. Bodies are not kept.
 */
export function harObservations(entries: readonly HarEntry[]): Observation[] {
  return entries.map((entry, index) => {
    const exchange = exchangeFromHarEntry(entry);
    return observe(index, exchange, analyze(exchange));
  });
}
