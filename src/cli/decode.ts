import { redactUrl } from '../core/redact.ts';
import { HarReadError, readHarEntryBatches } from '../capture/har-stream.ts';
import type { Command } from './args.ts';
import { hasAttachedBody, withAttachedBody } from './attached-body.ts';
import { errorEntry } from './decode-har.ts';
import { openInput } from './input.ts';
import { jsonRecord } from './json-lines.ts';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io.ts';
import { Table } from './table.ts';

/** Width used when output goes to a file or pipe: wide enough not to cut most messages. */
const PIPE_WIDTH = 160;
/** Output is handed to stdout in blocks of about this size: one write per line would cost more than the decoding. */
const FLUSH_CHARS = 64 * 1024;
const MB = 1024 * 1024;

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
export async function runDecode(command: Extract<Command, { kind: 'decode' }>, io: CliIo): Promise<number> {
  const input = await openInput(command.input, io.stdin);
  if ('error' in input) {
    io.stderr(input.error);
    return EXIT_USAGE;
  }
  const out = new Output(io);
  const table = command.json ? null : new Table();
  let total = 0;
  let status = EXIT_OK;
  try {
    for await (const entries of readHarEntryBatches(input.source, { maxBytes: command.maxSizeMb * MB })) {
      for (const entry of entries) {
        const found = errorEntry(input.folder !== null && hasAttachedBody(entry) ? await withAttachedBody(entry, input.folder) : entry, total);
        total++;
        if (found === null) continue;
        const url = command.includeSecrets ? found.exchange.url : redactUrl(found.exchange.url);
        if (table !== null) table.add(found, url);
        else {
          const flushed = out.write(`${JSON.stringify(jsonRecord(found, url))}\n`);
          if (flushed !== undefined) await flushed;
        }
      }
    }
  } catch (error) {
    if (!(error instanceof HarReadError)) throw error;
    const limit = /over the .* limit$/.test(error.message) ? ' (--max-size to raise it)' : '';
    io.stderr(`${input.name}: ${error.message}${limit}`);
    status = EXIT_USAGE;
  }
  if (table !== null && status === EXIT_OK) {
    const errors = table.size;
    const summary = errors === 0 ? `No errors in ${total} requests.` : `${errors} error${errors === 1 ? '' : 's'} in ${total} requests.`;
    if (errors > 0) {
      for (const line of table.lines(io.columns ?? PIPE_WIDTH)) {
        const flushed = out.write(`${line}\n`);
        if (flushed !== undefined) await flushed;
      }
      await out.write('\n');
    }
    await out.write(`${summary}\n`);
  }
  await out.flush();
  return status;
}
