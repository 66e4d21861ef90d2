/**
 * `faultline sanitize`: a HAR with every credential replaced by [REDACTED], exactly what the panel's
 * Export HAR writes without "with secrets" (the same builder, src/core/har/write.ts), so a HAR
 * recorded anywhere can be attached to a ticket. Each entry keeps what Faultline decoded in
 * `_faultline`. The input is read as a stream like `decode`'s; the output HAR is written whole.
 */
import { writeFile } from 'node:fs/promises';
import { analyze } from '../core/analyze.ts';
import { buildHar, type HarExportItem } from '../core/har/write.ts';
import { exchangeFromHarEntry } from '../core/har/entry.ts';
import type { Command } from './args.ts';
import { forEachHarEntry } from './har-input.ts';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io.ts';

export async function runSanitize(command: Extract<Command, { kind: 'sanitize' }>, io: CliIo, version: string): Promise<number> {
  const items: HarExportItem[] = [];
  const read = await forEachHarEntry(command.input, command.maxSizeMb, io, (entry) => {
    const exchange = exchangeFromHarEntry(entry);
    items.push({ exchange, error: analyze(exchange).error });
  });
  // A half-read HAR is not written: the ticket would get a silently shortened session.
  if (read === false) return EXIT_USAGE;
  const sanitized = `${JSON.stringify(buildHar(items, { version }), null, 2)}\n`;
  if (command.output === null) {
    await io.stdout(sanitized);
    return EXIT_OK;
  }
  try {
    await writeFile(command.output, sanitized);
  } catch (error) {
    io.stderr(`cannot write ${command.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return EXIT_USAGE;
  }
  return EXIT_OK;
}
