import { analyze } from '../core/analyze.ts';
import type { Exchange } from '../core/exchange.ts';
import type { DecodedError } from '../core/model.ts';
import { exchangeFromHarEntry, type HarEntryLike } from '../core/har/entry.ts';

/** One HAR entry that carries an error. */
export interface ErrorEntry {
  /** Index in log.entries. */
  readonly index: number;
  readonly startedDateTime: string;
  readonly exchange: Exchange;
  readonly error: DecodedError;
}

/** Decodes one entry: its error, or null when it carries none. */
export function errorEntry(entry: HarEntryLike, index: number): ErrorEntry | null {
  const exchange = exchangeFromHarEntry(entry);
  const { error } = analyze(exchange);
  return error === null ? null : { index, startedDateTime: entry.startedDateTime, exchange, error };
}

/** Decodes every entry and keeps those that carry an error, in file order. */
export function errorEntries(entries: readonly HarEntryLike[]): ErrorEntry[] {
  return entries.flatMap((entry, index) => errorEntry(entry, index) ?? []);
}
