/** Builds exchanges for the family tests: one response, decoded the way the panel and the CLI decode it. */
import { analyze } from '../analyze.ts';
import type { Exchange } from '../exchange.ts';
import type { DecodedError } from '../model.ts';

export interface ResponseOptions {
  readonly mime?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly url?: string;
}

export function exchangeOf(status: number, body: unknown, options: ResponseOptions = {}): Exchange {
  const mime = options.mime ?? 'application/json';
  return {
    method: 'GET',
    url: options.url ?? 'https://api.example.test/v1/things',
    requestHeaders: [],
    status,
    responseHeaders: [{ name: 'Content-Type', value: mime }, ...Object.entries(options.headers ?? {}).map(([name, value]) => ({ name, value }))],
    body: { text: typeof body === 'string' ? body : JSON.stringify(body) },
    mimeType: mime,
    receivedAt: Date.UTC(2026, 10, 22, 12),
  };
}

/** The decoded error of one response (null when it carries none). */
export function decodeResponse(status: number, body: unknown, options?: ResponseOptions): DecodedError | null {
  return analyze(exchangeOf(status, body, options)).error;
}
