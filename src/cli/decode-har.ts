import { analyze } from '../core/analyze.ts';
import type { Exchange } from '../core/exchange.ts';
import type { DecodedError } from '../core/model.ts';
import { exchangeFromHarEntry } from '../core/har/entry.ts';
import type { HarEntry } from '../core/har/parse.ts';

/** One HAR entry that carries an error. */
export interface ErrorEntry {
  /** Index in log.entries. */
  readonly index: number;
  readonly startedDateTime: string;
  readonly exchange: Exchange;
  readonly error: DecodedError;
}

/** Decodes every entry and keeps those that carry an error, in file order. */
export function errorEntries(entries: readonly HarEntry[]): ErrorEntry[] {
  const found: ErrorEntry[] = [];
  entries.forEach((entry, index) => {
    const exchange = exchangeFromHarEntry(entry);
    const { error } = analyze(exchange);
    if (error !== null) found.push({ index, startedDateTime: entry.startedDateTime, exchange, error });
  });
  return found;
}
