import { analyze } from '../core/analyze.ts';
import { observe, type Observation } from '../core/findings/index.ts';
import { exchangeFromHarEntry, type HarEntryLike } from '../core/har/entry.ts';
import type { CliIo } from './io.ts';
import { forEachHarEntry } from './har-input.ts';

/**
 * An entry of a HAR as the findings see it, successes included (quota use is read from them); its ref
 * is its index in log.entries. The body is not kept, so a long HAR costs a few hundred bytes an entry.
 */
function observeEntry(entry: HarEntryLike, index: number): Observation {
  const exchange = exchangeFromHarEntry(entry);
  return observe(index, exchange, analyze(exchange));
}

/** The observations of the HAR named on the command line, read as a stream; false when it could not be read (said on stderr). */
export async function readObservations(name: string, maxSizeMb: number, io: CliIo): Promise<Observation[] | false> {
  const observations: Observation[] = [];
  const read = await forEachHarEntry(name, maxSizeMb, io, (entry, index) => void observations.push(observeEntry(entry, index)));
  return read === false ? false : observations;
}
