import type { HarEntryLike } from './entry.ts';
import { describeIssue, harEntrySchema, isPlainHarEntry, type HarEntry } from './parse.ts';

/**
 * Reads a HAR file as a stream of bytes and yields its `log.entries` one at a time, so the cost of a
 * HAR grows with its entries and memory stays at one entry (plus one chunk) whatever the file size.
 *
 * A small byte scanner finds where each entry object starts and ends (it tracks only nesting and
 * strings, jumping from quote to quote with indexOf, so a large body costs one memchr); each entry's
 * bytes then go through `JSON.parse` and the entry schema. Bytes outside `log.entries` (creator,
 * pages) are only scanned for structure.
 */

/** Bad input: the message is one line saying what is wrong and where; it never quotes raw input. */
export class HarReadError extends Error {
  override readonly name = 'HarReadError';
}

export interface HarReadOptions {
  /** Bytes read before the input is refused (the whole input, counted as it streams in). */
  readonly maxBytes: number;
  /** Bytes one entry may take: it is parsed whole, as one string (V8 strings stop at 512 MB). */
  readonly maxEntryBytes?: number;
}

export const DEFAULT_MAX_ENTRY_BYTES = 256 * 1024 * 1024;
const MB = 1024 * 1024;
/** Longer keys above the entries are not `log` or `entries`: their bytes are not kept. */
const MAX_KEY_BYTES = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;
/** The UTF-8 byte order mark some Windows tools write before the JSON. */
const BOM: readonly number[] = [0xef, 0xbb, 0xbf];

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** A byte shown in an error: printable ASCII as itself, anything else as its code, so no input reaches a terminal raw. */
function showByte(byte: number): string {
  return byte > 0x20 && byte < 0x7f ? `"${String.fromCharCode(byte)}"` : `byte 0x${byte.toString(16).padStart(2, '0')}`;
}

function mb(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}

/** What the scanner is inside of, for the levels above the entries (root object, `log`, `log.entries`). */
type Container = { readonly kind: 'object'; /** The member being read. */ key: string | null; expectKey: boolean } | { readonly kind: 'array' };

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Joins the pieces of one entry (one piece in the common case: the entry sits inside one chunk). */
function concat(pieces: readonly Uint8Array[], length: number): Uint8Array {
  if (pieces.length === 1 && pieces[0] !== undefined) return pieces[0];
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const piece of pieces) {
    joined.set(piece, offset);
    offset += piece.length;
  }
  return joined;
}

function parseEntry(bytes: Uint8Array, index: number): HarEntry {
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(bytes)) as unknown;
  } catch (error) {
    // V8's message quotes the input (escape sequences included): only the position is kept from it.
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    throw new HarReadError(`not JSON (log.entries[${index}] is not valid JSON${position === undefined ? '' : ` at its byte ${position}`})`);
  }
  return validEntry(json, index);
}

function validEntry(json: unknown, index: number): HarEntry {
  if (isPlainHarEntry(json)) return json;
  const result = harEntrySchema.safeParse(json);
  if (!result.success) {
    const [issue] = result.error.issues;
    const path = ['log', 'entries', index];
    throw new HarReadError(`not a HAR file: ${issue === undefined ? `log.entries[${index}] is invalid` : describeIssue({ log: { entries: { [index]: json } } }, { ...issue, path: [...path, ...issue.path] })}`);
  }
  return result.data;
}

/**
 * The entries that lie whole inside one chunk, parsed with one JSON.parse: between them there are
 * only commas and whitespace (the scanner refuses anything else in log.entries), so the span is an
 * array's contents. One call per chunk instead of one per entry matters for HARs of small entries.
 * Should the span not parse, each entry is parsed alone, to name the one at fault.
 */
function parseEntrySpan(chunk: Uint8Array, bounds: readonly number[], firstIndex: number): HarEntry[] {
  const start = bounds[0] ?? 0;
  const end = bounds[bounds.length - 1] ?? 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(`[${decoder.decode(chunk.subarray(start, end))}]`) as unknown;
  } catch {
    parsed = null;
  }
  const entries: HarEntry[] = [];
  for (let k = 0; k < bounds.length; k += 2) {
    const index = firstIndex + k / 2;
    entries.push(Array.isArray(parsed) ? validEntry(parsed[k / 2], index) : parseEntry(chunk.subarray(bounds[k], bounds[k + 1]), index));
  }
  return entries;
}

/** Where in the file the scanner is: the path of containers above the entries, and the entry being collected. */
class Scanner {
  private readonly stack: Container[] = [];
  /** Nesting inside the current entry (0 = not in an entry). */
  private entryDepth = 0;
  private entryPieces: Uint8Array[] = [];
  private entryLength = 0;
  private inString = false;
  /** A backslash ended the previous chunk inside a string: the next byte is escaped. */
  private escapePending = false;
  /** A key string is being read above the entries (its bytes are kept to know which member comes next). */
  private keyPieces: Uint8Array[] | null = null;
  private keyLength = 0;
  private started = false;
  private ended = false;
  private foundEntries = false;
  private sawLog = false;
  private bytesSeen = 0;
  /** Offset in the input of the chunk being scanned, to say where a problem is. */
  private chunkOffset = 0;
  private entryIndex = 0;
  private readonly ready: HarEntry[] = [];

  constructor(private readonly options: Required<HarReadOptions>) {}

  /** Scans one chunk; returns the entries it completed. */
  push(chunk: Uint8Array): HarEntry[] {
    this.chunkOffset = this.bytesSeen;
    let start = 0;
    // A BOM (possibly cut across chunks) is skipped; any other first byte is left for the JSON check.
    while (this.chunkOffset + start < BOM.length && chunk[start] === BOM[this.chunkOffset + start]) start++;
    this.bytesSeen += chunk.length;
    if (this.bytesSeen > this.options.maxBytes) throw new HarReadError(`input is over the ${mb(this.options.maxBytes)} limit`);
    let entryStart = this.entryDepth > 0 ? 0 : -1;
    /** Start and end offsets of the entries that lie whole in this chunk. */
    const span: number[] = [];
    let i = start;
    const n = chunk.length;
    while (i < n) {
      if (this.entryDepth > 0) {
        if (entryStart === -1) entryStart = i;
        i = this.scanEntry(chunk, i);
        if (this.entryDepth === 0) {
          if (this.entryPieces.length > 0) this.finishEntry(chunk.subarray(entryStart, i));
          else {
            // Whole in this chunk: parsed with the others of the chunk (parseEntrySpan).
            if (i - entryStart > this.options.maxEntryBytes) throw new HarReadError(`log.entries[${this.entryIndex + span.length / 2}] is over the ${mb(this.options.maxEntryBytes)} a single entry may take`);
            span.push(entryStart, i);
          }
          entryStart = -1;
        }
        continue;
      }
      if (this.inString) {
        i = this.scanKeyOrValue(chunk, i);
        continue;
      }
      const byte = chunk[i] as number;
      if (!isWhitespace(byte) && this.structural(byte, i)) entryStart = i;
      i++;
    }
    if (span.length > 0) {
      // A loop, not push(...): a chunk can hold more entries than a call may take arguments.
      for (const entry of parseEntrySpan(chunk, span, this.entryIndex)) this.ready.push(entry);
      this.entryIndex += span.length / 2;
    }
    if (this.entryDepth > 0) {
      const piece = chunk.subarray(entryStart);
      this.entryPieces.push(piece);
      this.entryLength += piece.length;
      if (this.entryLength > this.options.maxEntryBytes) throw new HarReadError(`log.entries[${this.entryIndex}] is over the ${mb(this.options.maxEntryBytes)} a single entry may take`);
    }
    return this.ready.splice(0);
  }

  /**
   * The hot loop: scans an entry's bytes from `from` until the entry closes (returns the index after
   * its last byte, with entryDepth 0) or the chunk ends. It only tracks nesting and strings; a plain
   * byte loop beats indexOf here, as most quotes in a HAR are escaped ones inside JSON bodies.
   */
  private scanEntry(chunk: Uint8Array, from: number): number {
    let depth = this.entryDepth;
    let inString = this.inString;
    let i = from;
    const n = chunk.length;
    if (this.escapePending) {
      this.escapePending = false;
      i++;
    }
    for (; i < n; i++) {
      let byte = chunk[i];
      if (inString) {
        // Runs of ordinary string bytes (most of a HAR) are skipped in this inner loop.
        while (byte !== QUOTE && byte !== BACKSLASH && ++i < n) byte = chunk[i];
        if (i === n) break;
        if (byte === QUOTE) inString = false;
        else if (++i === n) this.escapePending = true;
      } else if (byte === QUOTE) inString = true;
      else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) depth++;
      else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
      }
    }
    this.entryDepth = depth;
    this.inString = inString;
    return Math.min(i, n);
  }

  /** A string above the entries: jumps to its closing quote, keeping its bytes when it is a key. */
  private scanKeyOrValue(chunk: Uint8Array, from: number): number {
    let i = from;
    const n = chunk.length;
    if (this.escapePending) {
      this.escapePending = false;
      if (this.keyPieces !== null) this.pushKey(chunk.subarray(i, i + 1));
      i++;
    }
    for (;;) {
      const quote = chunk.indexOf(QUOTE, i);
      if (quote === -1) {
        this.escapePending = trailingBackslashes(chunk, n, i) % 2 === 1;
        if (this.keyPieces !== null) this.pushKey(chunk.subarray(i));
        return n;
      }
      if (trailingBackslashes(chunk, quote, i) % 2 === 0) {
        this.inString = false;
        if (this.keyPieces !== null) this.endKey(chunk.subarray(i, quote));
        return quote + 1;
      }
      if (this.keyPieces !== null) this.pushKey(chunk.subarray(i, quote + 1));
      i = quote + 1;
    }
  }

  /** Checks the end of input: a truncated file or one without `log.entries` is refused. */
  end(): void {
    if (!this.started) throw new HarReadError('not JSON (the input is empty)');
    if (!this.ended) throw new HarReadError('not JSON (unexpected end of input: the file is cut short)');
    if (!this.foundEntries) throw new HarReadError(`not a HAR file: ${this.sawLog ? 'log.entries' : 'log'} is missing`);
  }

  private finishEntry(lastPiece: Uint8Array): void {
    this.entryPieces.push(lastPiece);
    this.entryLength += lastPiece.length;
    if (this.entryLength > this.options.maxEntryBytes) throw new HarReadError(`log.entries[${this.entryIndex}] is over the ${mb(this.options.maxEntryBytes)} a single entry may take`);
    this.ready.push(parseEntry(concat(this.entryPieces, this.entryLength), this.entryIndex));
    this.entryIndex++;
    this.entryPieces = [];
    this.entryLength = 0;
  }

  /** Keeps a piece of a key; a key longer than any HAR member name is kept only as "not one we look for". */
  private pushKey(piece: Uint8Array): void {
    if (this.keyPieces === null) return;
    this.keyLength += piece.length;
    if (this.keyLength <= MAX_KEY_BYTES) this.keyPieces.push(piece);
    else this.keyPieces.length = 0;
  }

  private endKey(last: Uint8Array): void {
    this.pushKey(last);
    const pieces = this.keyPieces ?? [];
    this.keyPieces = null;
    this.keyLength = 0;
    const top = this.stack.at(-1);
    if (top?.kind !== 'object') return;
    top.key = decoder.decode(concat(pieces, pieces.reduce((sum, p) => sum + p.length, 0)));
    if (this.stack.length === 1 && top.key === 'log') this.sawLog = true;
  }

  /** Where `log.entries` sits: the third container, an array under `log` under the root object. */
  private inEntriesArray(): boolean {
    const [root, log, entries] = this.stack;
    return this.stack.length === 3 && root?.kind === 'object' && log?.kind === 'object' && log.key === 'entries' && root.key === 'log' && entries?.kind === 'array';
  }

  /** Handles one structural byte above the entries; returns true when it opens an entry. */
  private structural(byte: number, at: number): boolean {
    if (this.ended) throw new HarReadError(`not JSON (unexpected ${showByte(byte)} after the end of the HAR, at byte ${this.chunkOffset + at})`);
    if (!this.started) {
      this.started = true;
      if (byte !== OPEN_OBJECT) {
        if (byte === OPEN_ARRAY || byte === QUOTE || byte === 0x2d || (byte >= 0x30 && byte <= 0x39) || byte === 0x74 || byte === 0x66 || byte === 0x6e) throw new HarReadError('not a HAR file: the file must be an object');
        throw new HarReadError(`not JSON (it starts with ${showByte(byte)} at byte ${this.chunkOffset + at})`);
      }
      this.stack.push({ kind: 'object', key: null, expectKey: true });
      return false;
    }
    const top = this.stack.at(-1);
    if (top === undefined) return false;
    if (byte === QUOTE) {
      this.inString = true;
      if (top.kind === 'object' && top.expectKey) {
        this.keyPieces = [];
        this.keyLength = 0;
      }
      return false;
    }
    if (byte === COLON) {
      if (top.kind === 'object') top.expectKey = false;
      return false;
    }
    if (byte === COMMA) {
      if (top.kind === 'object') top.expectKey = true;
      return false;
    }
    if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (this.inEntriesArray()) {
        if (byte === OPEN_ARRAY) throw new HarReadError(`not a HAR file: log.entries[${this.entryIndex}] must be an object`);
        this.entryDepth = 1;
        return true;
      }
      const [root, log] = this.stack;
      const rootKey = root?.kind === 'object' ? root.key : null;
      if (this.stack.length === 1 && rootKey === 'log' && byte !== OPEN_OBJECT) throw new HarReadError('not a HAR file: log must be an object');
      const opensEntries = this.stack.length === 2 && rootKey === 'log' && log?.kind === 'object' && log.key === 'entries';
      if (opensEntries && byte !== OPEN_ARRAY) throw new HarReadError('not a HAR file: log.entries must be an array');
      this.stack.push(byte === OPEN_OBJECT ? { kind: 'object', key: null, expectKey: true } : { kind: 'array' });
      if (opensEntries) this.foundEntries = true;
      return false;
    }
    if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      this.stack.pop();
      if (this.stack.length === 0) this.ended = true;
      return false;
    }
    // A scalar (number, true, false, null): an entry must be an object; elsewhere the scanner only needs the structure.
    if (this.inEntriesArray()) throw new HarReadError(`not a HAR file: log.entries[${this.entryIndex}] must be an object`);
    return false;
  }
}

/** Backslashes right before `end` (not before `floor`): an odd count escapes the byte at `end`. */
function trailingBackslashes(chunk: Uint8Array, end: number, floor: number): number {
  let count = 0;
  for (let j = end - 1; j >= floor && chunk[j] === BACKSLASH; j--) count++;
  return count;
}

/**
 * Yields the entries of a HAR read from `source` (a file stream, stdin, a fetch body…) in file order.
 * Throws HarReadError, with a one-line message, on input that is not a HAR or is over a limit; the
 * entries before the problem have been yielded by then.
 */
export async function* readHarEntries(source: AsyncIterable<Uint8Array>, options: HarReadOptions): AsyncGenerator<HarEntryLike, void, undefined> {
  for await (const batch of readHarEntryBatches(source, options)) yield* batch;
}

/**
 * The same, a chunk's worth of entries at a time: for a HAR of many small entries, one await per
 * entry would cost more than reading it.
 */
export async function* readHarEntryBatches(source: AsyncIterable<Uint8Array>, options: HarReadOptions): AsyncGenerator<readonly HarEntryLike[], void, undefined> {
  const scanner = new Scanner({ maxEntryBytes: DEFAULT_MAX_ENTRY_BYTES, ...options });
  for await (const chunk of source) {
    const entries = scanner.push(chunk);
    if (entries.length > 0) yield entries;
  }
  scanner.end();
}

/** The same reader over a whole text already in memory (a pasted or dropped HAR). */
export function parseHar(text: string): { readonly entries: readonly HarEntryLike[] } | { readonly error: string } {
  const scanner = new Scanner({ maxBytes: Infinity, maxEntryBytes: DEFAULT_MAX_ENTRY_BYTES });
  try {
    const entries = scanner.push(new TextEncoder().encode(text));
    scanner.end();
    return { entries };
  } catch (error) {
    if (error instanceof HarReadError) return { error: error.message };
    throw error;
  }
}
