import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HarReadError, parseHar, readHarEntries } from './stream.ts';

const encoder = new TextEncoder();

/** A HAR entry whose strings carry what makes a byte scanner slip: escaped quotes and backslashes, braces, multi-byte UTF-8. */
function entry(i: number, text: string): Record<string, unknown> {
  return {
    startedDateTime: '2026-04-27T12:00:00.000Z',
    time: i,
    request: { method: 'GET', url: `https://api.example.test/v1/items/${i}?q=${encodeURIComponent(text)}`, headers: [{ name: 'X-Note', value: text }] },
    response: { status: 400 + (i % 100), headers: [], content: { mimeType: 'application/json', text: JSON.stringify({ error: { message: text, nested: [{ a: '}' }, ['"]'] ] } }) } },
  };
}

const harOf = (entries: unknown[], extra: Record<string, unknown> = {}): string => JSON.stringify({ log: { version: '1.2', creator: { name: 'test "quoted" \\ }', version: '1' }, ...extra, entries } });

/** Feeds `bytes` in pieces cut at `cuts` (byte offsets), as a file or pipe might deliver them. */
async function* pieces(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= from || cut >= bytes.length) continue;
    yield bytes.subarray(from, cut);
    from = cut;
  }
  yield bytes.subarray(from);
}

async function readAll(source: AsyncIterable<Uint8Array>, maxBytes = Infinity): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const e of readHarEntries(source, { maxBytes })) out.push(e);
  return out;
}

async function readError(text: string | Uint8Array, maxBytes = Infinity): Promise<string> {
  const bytes = typeof text === 'string' ? encoder.encode(text) : text;
  try {
    await readAll(pieces(bytes, []), maxBytes);
  } catch (error) {
    if (error instanceof HarReadError) return error.message;
    throw error;
  }
  return '(no error)';
}

describe('readHarEntries', () => {
  it('gives the entries JSON.parse gives, wherever the chunks are cut (escapes, braces in strings, UTF-8)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: fc.constantFrom('a', '"', '\\', '{', '}', '[', ']', ',', ':', 'é', '€', '😀', '\n', ' ') }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.boolean(),
        async (texts, rawCuts, pagesFirst) => {
          const entries = texts.map((text, i) => entry(i, text));
          const text = pagesFirst ? harOf(entries, { pages: [{ id: 'page_1', title: '"}]' }] }) : harOf(entries);
          const bytes = encoder.encode(text);
          const cuts = rawCuts.map((cut) => cut % bytes.length);
          const got = await readAll(pieces(bytes, cuts));
          expect(got).toEqual((JSON.parse(text) as { log: { entries: unknown[] } }).log.entries);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('cut at every byte: a backslash at the end of a chunk still escapes the next one', async () => {
    const text = harOf([entry(0, 'a\\"b\\\\"c'), entry(1, '\\')]);
    const bytes = encoder.encode(text);
    const want = (JSON.parse(text) as { log: { entries: unknown[] } }).log.entries;
    for (let cut = 1; cut < bytes.length; cut++) expect(await readAll(pieces(bytes, [cut]))).toEqual(want);
  });

  it('accepts a UTF-8 byte order mark, and members before or after log.entries', async () => {
    const text = harOf([entry(0, 'x')], { pages: [{ id: 'p' }], comment: 'entries' });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(text)]);
    expect(await readAll(pieces(withBom, [1, 2]))).toHaveLength(1);
    const after = `{"log":{"entries":[${JSON.stringify(entry(0, 'y'))}],"pages":[],"creator":{"name":"x"}}}`;
    expect(await readAll(pieces(encoder.encode(after), []))).toHaveLength(1);
  });

  it('says in one line what is wrong, quoting no input byte', async () => {
    expect(await readError('\x1b[2J\x1b[H{"log":1}')).toBe('not JSON (it starts with byte 0x1b at byte 0)');
    expect(await readError('<html>')).toBe('not JSON (it starts with "<" at byte 0)');
    expect(await readError('')).toBe('not JSON (the input is empty)');
    expect(await readError('{"log":{"entries":[')).toBe('not JSON (unexpected end of input: the file is cut short)');
    expect(await readError('{"log":{"entries":[{"time":1,"x":"\x1b[2J}]}}')).toBe('not JSON (unexpected end of input: the file is cut short)');
    expect(await readError('{"log":{"entries":[{"a":\x1b}]}}')).toMatch(/^not JSON \(log\.entries\[0\] is not valid JSON( at its byte \d+)?\)$/);
    expect(await readError('{"log":{"entries":[]}} x')).toBe('not JSON (unexpected "x" after the end of the HAR, at byte 23)');
    expect(await readError('{"log":{"entries":{}}}')).toBe('not a HAR file: log.entries must be an array');
    expect(await readError('{"log":[]}')).toBe('not a HAR file: log must be an object');
    expect(await readError('{"log":{"entries":[1]}}')).toBe('not a HAR file: log.entries[0] must be an object');
  });

  it('refuses input over the size limit, and an entry over the entry limit, as it streams', async () => {
    const text = harOf(Array.from({ length: 50 }, (_, i) => entry(i, 'x'.repeat(100))));
    expect(await readError(text, 1000)).toBe('input is over the 0 MB limit');
    const huge = `{"log":{"entries":[{"a":"${'x'.repeat(2000)}`;
    let message = '';
    try {
      for await (const _ of readHarEntries(pieces(encoder.encode(huge), [500, 1000, 1500]), { maxBytes: Infinity, maxEntryBytes: 1024 })) void _;
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^log\.entries\[0\] is over the 0 MB a single entry may take$/);
  });

  it('parseHar reads a whole text the same way', () => {
    const text = harOf([entry(0, 'a'), entry(1, 'b')]);
    expect(parseHar(text)).toEqual({ entries: (JSON.parse(text) as { log: { entries: unknown[] } }).log.entries });
  });
});
