import type { Exchange } from '../exchange.ts';
import type { DecodedError } from '../model.ts';
import { urlShape } from './url-template.ts';

/** What makes two errors "the same error": one row per fingerprint when the panel groups them. */
export interface Fingerprint {
  /** All parts below in one string, for maps and the CLI's `fingerprint`. */
  readonly key: string;
  readonly method: string;
  readonly host: string;
  readonly urlTemplate: string;
  readonly status: number;
  readonly code: string | null;
}

export function fingerprintOf(exchange: Pick<Exchange, 'method' | 'url'>, error: Pick<DecodedError, 'status' | 'code'>): Fingerprint {
  const method = exchange.method.toUpperCase();
  const { host, template } = urlShape(exchange.url);
  const key = `${method} ${host}${template} ${error.status}${error.code === null ? '' : ` ${error.code}`}`;
  return { key, method, host, urlTemplate: template, status: error.status, code: error.code };
}
