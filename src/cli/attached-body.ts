import { open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { HarEntryLike } from '../core/har/entry.ts';

/** True when the entry's body is in a file next to the HAR (checked first: most entries need no await). */
export function hasAttachedBody(entry: HarEntryLike): boolean {
  return entry.response.content?._file !== undefined && entry.response.content.text === undefined;
}

/** Bodies past this are not decoded by the engine anyway (it stops at 4 MB): only this much is read. */
const MAX_ATTACHED_BYTES = 4 * 1024 * 1024 + 1;

/**
 * Playwright's recordHar with `content: 'attach'` keeps each body in a file next to the HAR, named in
 * `content._file`. Reads it back (as base64: bodies may be binary) so the entry decodes as if embedded.
 * Only a plain file name in the HAR's own folder is read: a HAR cannot point the CLI elsewhere.
 */
export async function withAttachedBody(entry: HarEntryLike, harFolder: string): Promise<HarEntryLike> {
  const content = entry.response.content;
  const file = content?._file;
  if (file === undefined || content?.text !== undefined || file !== basename(file) || file.startsWith('.')) return entry;
  let handle;
  try {
    handle = await open(join(harFolder, file), 'r');
    const buffer = Buffer.alloc(MAX_ATTACHED_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, MAX_ATTACHED_BYTES, 0);
    return { ...entry, response: { ...entry.response, content: { ...content, text: buffer.subarray(0, bytesRead).toString('base64'), encoding: 'base64' } } };
  } catch {
    return entry; // a missing attachment: the entry decodes from its status and headers, as with no body
  } finally {
    await handle?.close();
  }
}
