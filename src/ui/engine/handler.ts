import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { analyze } from '../../core/analyze.ts';
import { lookup, statusEntry } from '../../core/catalog/index.ts';
import { exchangeFromHarEntry } from '../../core/har/entry.ts';
import { parseHar } from '../../core/har/stream.ts';
import { prop } from '../../core/json.ts';
import { decodePaste } from '../popup/paste-decoder.ts';
import type { EngineReply, EngineRequest } from '../../protocol/engine.ts';

/** zod/mini registers no messages (every issue reads "Invalid input"): a malformed request is named in English. */
const englishIssues = en().localeError;

const header = z.object({ name: z.string(), value: z.string() });

const exchange = z.object({
  method: z.string(),
  url: z.string(),
  requestHeaders: z.array(header),
  requestBody: z.nullish(z.string()),
  status: z.number(),
  statusText: z.optional(z.string()),
  responseHeaders: z.array(header),
  body: z.nullable(z.object({ text: z.string(), encoding: z.optional(z.literal('base64')) })),
  mimeType: z.string(),
  receivedAt: z.number(),
  transportError: z.optional(z.string()),
  resourceType: z.optional(z.string()),
});

const request = z.discriminatedUnion('op', [
  z.object({ id: z.number(), op: z.literal('analyze'), exchanges: z.array(exchange) }),
  z.object({ id: z.number(), op: z.literal('lookup'), query: z.string() }),
  z.object({ id: z.number(), op: z.literal('decodePaste'), paste: z.object({ text: z.string(), receivedAt: z.number(), bodyStatus: z.optional(z.number()) }) }),
  z.object({ id: z.number(), op: z.literal('statusTitles'), statuses: z.array(z.number()) }),
  z.object({ id: z.number(), op: z.literal('readHar'), text: z.string() }),
]);

function run(message: EngineRequest): unknown {
  switch (message.op) {
    case 'analyze':
      return message.exchanges.map(analyze);
    case 'lookup':
      return lookup(message.query);
    case 'decodePaste':
      return decodePaste(message.paste.text, message.paste.receivedAt, message.paste.bodyStatus);
    case 'statusTitles':
      return message.statuses.map((status) => statusEntry(status).title);
    case 'readHar': {
      const read = parseHar(message.text);
      return 'error' in read ? { ok: false, error: read.error } : { ok: true, exchanges: read.entries.map(exchangeFromHarEntry) };
    }
  }
}

/**
 * Answers one request. Never throws: a malformed request or a failing operation is answered with a
 * one-line error, so the caller's promise settles instead of waiting forever.
 */
export function handleRequest(data: unknown): EngineReply {
  const rawId = prop(data, 'id');
  const id = typeof rawId === 'number' ? rawId : -1;
  const parsed = request.safeParse(data, { error: englishIssues });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { id, ok: false, error: `malformed engine request${issue === undefined ? '' : ` at ${issue.path.map(String).join('.') || 'top'}: ${issue.message}`}` };
  }
  try {
    return { id, ok: true, result: run(parsed.data) };
  } catch (error) {
    return { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
