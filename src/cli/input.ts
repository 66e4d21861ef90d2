import { open } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Bytes per read: large enough that a 200 MB HAR is a few hundred reads, small next to one entry's parse. */
const CHUNK_BYTES = 1024 * 1024;

export type Input =
  | {
      readonly name: string;
      readonly source: AsyncIterable<Uint8Array>;
      /** The HAR's folder, where attached bodies live; null for stdin. */
      readonly folder: string | null;
    }
  | { readonly error: string };

/** Opens `-` (stdin) or a file as a stream of bytes; a file that cannot be read is one line saying why. */
export async function openInput(input: string, stdin: AsyncIterable<Uint8Array>): Promise<Input> {
  if (input === '-') return { name: 'stdin', source: stdin, folder: null };
  try {
    const handle = await open(input, 'r');
    if ((await handle.stat()).isDirectory()) {
      await handle.close();
      return { error: `cannot read ${input}: it is a directory` };
    }
    return { name: input, source: handle.createReadStream({ highWaterMark: CHUNK_BYTES }), folder: dirname(input) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    return { error: `cannot read ${input}: ${reason}` };
  }
}
