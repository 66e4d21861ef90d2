import { isRecord } from '../../core/json.ts';
import type { EngineClient } from './engine.ts';
import type { EngineOp, EngineReply, EngineRequest, EngineResult } from '../../protocol/engine.ts';

/** A channel to an engine: a worker in the extension, an in-thread stand-in in tests. */
export interface EnginePort {
  send(request: EngineRequest): void;
  /** Every message that comes back; replies are checked here, not trusted. */
  onReply(listener: (data: unknown) => void): void;
  /** The engine is gone (its script failed to load, or it crashed): nothing will answer any more. */
  onFailure(listener: (reason: string) => void): void;
  close(): void;
}

interface Waiting {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/** Request ids are unique per client; answers to unknown ids (a closed call) are dropped. */
function replyOf(data: unknown): EngineReply | null {
  if (!isRecord(data) || typeof data['id'] !== 'number') return null;
  if (data['ok'] === true) return { id: data['id'], ok: true, result: data['result'] };
  if (data['ok'] === false) return { id: data['id'], ok: false, error: String(data['error']) };
  return null;
}

/**
 * The Engine over a port. Calls are answered in the order they were made; when the engine fails,
 * every waiting call and every later one rejects with the reason, so the UI can say so.
 */
export function connectEngine(port: EnginePort): EngineClient {
  const waiting = new Map<number, Waiting>();
  let nextId = 1;
  let failure: string | null = null;

  const fail = (reason: string): void => {
    failure ??= reason;
    for (const call of waiting.values()) call.reject(new Error(reason));
    waiting.clear();
  };

  port.onReply((data) => {
    const reply = replyOf(data);
    const call = reply === null ? undefined : waiting.get(reply.id);
    if (reply === null || call === undefined) return;
    waiting.delete(reply.id);
    if (reply.ok) call.resolve(reply.result);
    else call.reject(new Error(reply.error));
  });
  port.onFailure(fail);

  function call<Op extends EngineOp>(request: (id: number) => Extract<EngineRequest, { op: Op }>): Promise<EngineResult<Op>> {
    if (failure !== null) return Promise.reject(new Error(failure));
    const id = nextId++;
    return new Promise<EngineResult<Op>>((resolve, reject) => {
      // The handler answers an operation with that operation's result (protocol.ts): typed here, once.
      waiting.set(id, { resolve: (result) => resolve(result as EngineResult<Op>), reject });
      try {
        port.send(request(id));
      } catch (error) {
        // e.g. a value that cannot be cloned: only this call fails.
        waiting.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  return {
    analyze: (exchanges) => call((id) => ({ id, op: 'analyze', exchanges })),
    lookup: (query) => call((id) => ({ id, op: 'lookup', query })),
    decodePaste: (paste) => call((id) => ({ id, op: 'decodePaste', paste })),
    statusTitles: (statuses) => call((id) => ({ id, op: 'statusTitles', statuses })),
    readHar: (text) => call((id) => ({ id, op: 'readHar', text })),
    close() {
      port.close();
      fail('the decoding engine was closed');
    },
  };
}

/** A port over a dedicated worker. */
export function workerPort(worker: Worker): EnginePort {
  return {
    send: (request) => worker.postMessage(request),
    onReply: (listener) => worker.addEventListener('message', (event) => listener(event.data)),
    onFailure: (listener) => {
      worker.addEventListener('error', (event) => listener(`the decoding engine failed${event.message ? `: ${event.message}` : ''}`));
      worker.addEventListener('messageerror', () => listener('the decoding engine sent an unreadable answer'));
    },
    close: () => worker.terminate(),
  };
}

/**
 * Starts the engine in a worker of its own. The bundler sees this exact `new Worker(new URL(…))`
 * form and emits worker.ts with everything it imports as a separate chunk, loaded now, in parallel.
 */
export function startEngineWorker(): EngineClient {
  return connectEngine(workerPort(new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'faultline-engine' })));
}
