/**
 * `faultline sanitize`: a HAR with every credential replaced by [REDACTED], exactly what the panel's
 * Export HAR writes without "with secrets" (the same builder, src/core/har-export.ts), so a HAR
 * recorded anywhere can be attached to a ticket. Each entry keeps what Faultline decoded in
 * `_faultline`.
 */
import { analyze } from '../core/analyze.ts';
import { buildHar } from '../core/har-export.ts';
import { exchangeFromHarEntry } from '../capture/har-entry.ts';
import type { HarEntry } from '../capture/har.ts';

export function sanitizedHar(entries: readonly HarEntry[], version: string): string {
  const items = entries.map((entry) => {
    const exchange = exchangeFromHarEntry(entry);
    return { exchange, error: analyze(exchange).error };
  });
  return `${JSON.stringify(buildHar(items, { version }), null, 2)}\n`;
}
