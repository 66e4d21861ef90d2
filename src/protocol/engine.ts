import type { CatalogEntry } from '../core/catalog/index.ts';
import type { Exchange } from '../core/exchange.ts';
import type { Analysis } from '../core/model.ts';

/**
 * What the UI asks of the decoding engine. The engine (every family's schemas, the catalog, the rate
 * limits and advice) is most of Faultline's code: the extension runs it in a worker (client.ts), so the
 * pages stay small and decoding never blocks their main thread; tests run it in-thread (in-thread.ts).
 */

/** Decodes exchanges in order: one analysis per exchange. */
export type AnalyzeBatch = (exchanges: readonly Exchange[]) => Promise<readonly Analysis[]>;

/** Text pasted into the popup, and what to decode it with (see decodePaste). */
export interface PasteRequest {
  readonly text: string;
  /** When it was pasted: countdowns run from here. */
  readonly receivedAt: number;
  /** The status picked for a body alone; without one, the body's own. */
  readonly bodyStatus?: number | undefined;
}

/** A HAR file read: its entries as exchanges, in file order, or one line saying what is wrong with it. */
export type HarRead = { readonly ok: true; readonly exchanges: readonly Exchange[] } | { readonly ok: false; readonly error: string };

export interface Engine {
  readonly analyze: AnalyzeBatch;
  /** The popup's quick lookup over the catalog. */
  readonly lookup: (query: string) => Promise<readonly CatalogEntry[]>;
  readonly decodePaste: (paste: PasteRequest) => Promise<DecodedPaste>;
  /** The catalog title of each status, in order (`429` → "Too Many Requests"). */
  readonly statusTitles: (statuses: readonly number[]) => Promise<readonly string[]>;
  /** Reads a HAR file's text (validating it needs the schemas, which live with the engine). */
  readonly readHar: (text: string) => Promise<HarRead>;
}

/** What pasted text decodes to: a one-line reason it can't be read, or the pipeline's analysis. */
export type DecodedPaste =
  | { readonly kind: 'unreadable'; readonly error: string }
  | { readonly kind: 'decoded'; readonly analysis: Analysis; readonly status: number; readonly statusText: string | undefined };


/**
 * The messages between an engine client and the engine worker. Requests are validated once, where
 * they arrive (src/ui/engine/handler.ts, by the policy of validate.ts: a request that does not parse
 * is answered with a one-line error); replies come from that handler and are typed by the request.
 */
export type EngineRequest =
  | { readonly id: number; readonly op: 'analyze'; readonly exchanges: readonly Exchange[] }
  | { readonly id: number; readonly op: 'lookup'; readonly query: string }
  | { readonly id: number; readonly op: 'decodePaste'; readonly paste: PasteRequest }
  | { readonly id: number; readonly op: 'statusTitles'; readonly statuses: readonly number[] }
  | { readonly id: number; readonly op: 'readHar'; readonly text: string };

export type EngineOp = EngineRequest['op'];

/** What each operation answers: the resolved value of the Engine method of the same name. */
export type EngineResult<Op extends EngineOp> = Awaited<ReturnType<Engine[Op]>>;

export type EngineReply =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };
