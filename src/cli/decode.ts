import { redactError, redactUrl } from '../core/redact.ts';
import type { Command } from './args.ts';
import { errorEntry } from './decode-har.ts';
import { forEachHarEntry } from './har-input.ts';
import { jsonLine } from './json-lines.ts';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io.ts';
import { ErrorTable } from './table.ts';

/** Output is handed to stdout in blocks of about this size: one write per line would cost more than the decoding. */
const FLUSH_CHARS = 64 * 1024;

/** Buffers output and waits when stdout is full, so a slow reader (a pager, a pipe) holds memory at one block. */
class Output {
  private pending = '';
  constructor(private readonly io: CliIo) {}

  /** Returns a promise only when a block went out (await it then): most lines just join the block. */
  write(text: string): Promise<void> | undefined {
    this.pending += text;
    return this.pending.length >= FLUSH_CHARS ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    await this.io.stdout(text);
  }
}

/**
 * `faultline decode`: reads the HAR entry by entry, decodes each, and writes the errors as they are
 * found (`--json`) or as one table at the end. Bad input stops the run with one line and exit 2,
 * after what was found before it.
 */
export async function runDecode(command: Extract<Command, { kind: 'decode' }>, io: CliIo, width: number): Promise<number> {
  const out = new Output(io);
  const table = command.json ? null : new ErrorTable();
  const total = await forEachHarEntry(command.input, command.maxSizeMb, io, (entry, index) => {
    const decoded = errorEntry(entry, index);
    if (decoded === null) return undefined;
    // What leaves through the terminal or a pipe is sanitized like every other output, unless asked.
    const found = command.includeSecrets ? decoded : { ...decoded, error: redactError(decoded.error) };
    const url = command.includeSecrets ? found.exchange.url : redactUrl(found.exchange.url);
    if (table === null) return out.write(jsonLine(found, url));
    table.addError(found, url);
    return undefined;
  });
  if (table !== null && total !== false) {
    const errors = table.size;
    const requests = `${total} request${total === 1 ? '' : 's'}`;
    const summary = errors === 0 ? `No errors in ${requests}.` : `${errors} error${errors === 1 ? '' : 's'} in ${requests}.`;
    if (errors > 0) {
      for (const line of table.lines(width)) {
        const flushed = out.write(`${line}\n`);
        if (flushed !== undefined) await flushed;
      }
      await out.write('\n');
    }
    await out.write(`${summary}\n`);
  }
  await out.flush();
  return total === false ? EXIT_USAGE : EXIT_OK;
}
