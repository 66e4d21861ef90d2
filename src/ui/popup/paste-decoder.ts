import { analyze } from '../../core/analyze.ts';
import type { DecodedPaste } from '../../protocol/engine.ts';
import { parseRawResponse } from '../../core/raw-response.ts';


/** Parses pasted text as a response (see parseRawResponse) and runs the decoding pipeline on it. */
export function decodePaste(text: string, receivedAt: number, bodyStatus: number | undefined): DecodedPaste {
  const parsed = parseRawResponse(text, receivedAt, bodyStatus);
  if ('error' in parsed) return { kind: 'unreadable', error: parsed.error };
  const { exchange } = parsed;
  return { kind: 'decoded', analysis: analyze(exchange), status: exchange.status, statusText: exchange.statusText };
}
