import { HarReadError, readHarEntryBatches } from '../core/har/stream.ts';
import type { HarEntryLike } from '../core/har/entry.ts';
import { hasAttachedBody, withAttachedBody } from './attached-body.ts';
import { openInput } from './input.ts';
import type { CliIo } from './io.ts';

const MB = 1024 * 1024;

/**
 * Every command reads its HAR the same way: `-` or a file, as a stream, entry by entry (attached
 * bodies read back), within the size limit. `each` gets every entry with its index in `log.entries`.
 * Returns how many entries were read, or false after saying in one line why the HAR could not be
 * read (what `each` was given before the problem stands).
 */
export async function forEachHarEntry(name: string, maxSizeMb: number, io: CliIo, each: (entry: HarEntryLike, index: number) => Promise<void> | undefined): Promise<number | false> {
  const input = await openInput(name, io.stdin);
  if ('error' in input) {
    io.stderr(input.error);
    return false;
  }
  let index = 0;
  try {
    for await (const entries of readHarEntryBatches(input.source, { maxBytes: maxSizeMb * MB })) {
      for (const entry of entries) {
        // No await unless something must be waited for: at 400,000 entries an await each is a cost of its own.
        const ready = input.folder !== null && hasAttachedBody(entry) ? await withAttachedBody(entry, input.folder) : entry;
        const pending = each(ready, index++);
        if (pending !== undefined) await pending;
      }
    }
  } catch (error) {
    if (!(error instanceof HarReadError)) throw error;
    const limit = /over the .* limit$/.test(error.message) ? ' (--max-size to raise it)' : '';
    io.stderr(`${input.name}: ${error.message}${limit}`);
    return false;
  }
  return index;
}
