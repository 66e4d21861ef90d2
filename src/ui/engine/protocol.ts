import type { Exchange } from '../../core/exchange.ts';
import type { Engine, PasteRequest } from './engine.ts';

/**
 * The messages between an engine client and the engine worker. Requests are validated once, where
 * they arrive (handler.ts); replies come from that handler and are typed by the request they answer.
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
