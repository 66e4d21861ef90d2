import { analyze } from '../../core/analyze.ts';
import type { Analysis } from '../../core/model.ts';
import { parseRawResponse } from '../../core/raw-response.ts';

/** What pasted text decodes to: a one-line reason it can't be read, or the pipeline's analysis. */
export type DecodedPaste =
  | { readonly kind: 'unreadable'; readonly error: string }
  | { readonly kind: 'decoded'; readonly analysis: Analysis; readonly status: number; readonly statusText: string | undefined };

/** Parses pasted text as a response (see parseRawResponse) and runs the decoding pipeline on it. */
export function decodePaste(text: string, receivedAt: number, bodyStatus: number | undefined): DecodedPaste {
  const parsed = parseRawResponse(text, receivedAt, bodyStatus);
  if ('error' in parsed) return { kind: 'unreadable', error: parsed.error };
  const { exchange } = parsed;
  return { kind: 'decoded', analysis: analyze(exchange), status: exchange.status, statusText: exchange.statusText };
}
